/**
 * `@redtape/regions-domain/contract`: all another context may know of the administrative map. Its
 * events come only in their published form (`publishedFormOf(recorded, REGIONS_CONTRACT)`).
 */
export { REGIONS_CONTRACT, publishedAs } from './regions-contract.js';
export type { RegionsIntegrationData } from '../integration-events.js';
export { AUTHORITY_STREAM_PREFIX, UNIT_STREAM_PREFIX, unitIdOfStream } from '../streams.js';
