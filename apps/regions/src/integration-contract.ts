import { REGIONS_CONTRACT } from '@redtape/regions-domain/contract';

/**
 * What this context publishes to Kafka (`redtape.regions.events.v1`) when KAFKA_BROKERS is set: the
 * contract the domain publishes, which the mirror in every other service reads too.
 */
export const REGIONS_INTEGRATION = REGIONS_CONTRACT;
