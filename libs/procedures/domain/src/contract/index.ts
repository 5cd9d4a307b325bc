/**
 * `@redtape/procedures-domain/contract`: all another context may know of procedures. Its events come
 * only in their published form (`publishedFormOf(recorded, PROCEDURES_CONTRACT)`), so a new version
 * of a stored event changes nothing outside this context as long as its mapping stays.
 */
export { PROCEDURES_CONTRACT } from './procedures-contract.js';
export { publishedAs } from './published-as.js';
export type { ProceduresIntegrationData } from '../integration-events.js';
export { PROCEDURE_STREAMS, procedureIdOfStream, procedureStream } from '../procedure-events.js';
export type { ProcedureStatus } from '../procedure-events.js';
export { IN_FORCE_STATUSES, isInForce, CLOSED_STATUSES, isClosed } from '../rules/in-force.js';
