import type { IntegrationContract } from '@redtape/kafka-relay';
import { REGIONS_STREAMS, regionsIntegrationEvents, regionsUpcasters } from '@redtape/regions-domain';

/** What this context publishes to Kafka (`redtape.regions.events.v1`) when KAFKA_BROKERS is set. */
export const REGIONS_INTEGRATION: IntegrationContract = {
  context: 'regions',
  filter: { streamPrefixes: [...REGIONS_STREAMS.streamPrefixes] },
  catalog: regionsIntegrationEvents,
  upcasters: regionsUpcasters,
};
