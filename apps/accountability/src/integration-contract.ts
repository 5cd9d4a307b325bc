import type { IntegrationContract } from '@redtape/kafka-relay';
import {
  accountabilityUpcasters,
  ACCOUNTABILITY_STREAMS,
  accountabilityIntegrationEvents,
} from '@redtape/accountability-domain';

/** What this context publishes to Kafka (`redtape.accountability.events.v1`) when KAFKA_BROKERS is set. */
export const ACCOUNTABILITY_INTEGRATION: IntegrationContract = {
  context: 'accountability',
  filter: { streamPrefixes: [...ACCOUNTABILITY_STREAMS.streamPrefixes] },
  catalog: accountabilityIntegrationEvents,
  upcasters: accountabilityUpcasters,
};
