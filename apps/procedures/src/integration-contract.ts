import { PROCEDURES_CONTRACT } from '@redtape/procedures-domain/contract';

/**
 * What this context publishes to Kafka (`redtape.procedures.events.v1`) when KAFKA_BROKERS is set:
 * the contract the domain publishes, which other contexts read too.
 */
export const PROCEDURES_INTEGRATION = PROCEDURES_CONTRACT;
