import type { IntegrationContract } from '@redtape/kafka-relay';
import { PROCEDURE_STREAMS, proceduresIntegrationEvents } from '@redtape/procedures-domain';

/** What this context publishes to Kafka (`redtape.procedures.events.v1`) when KAFKA_BROKERS is set. */
export const PROCEDURES_INTEGRATION: IntegrationContract = {
  context: 'procedures',
  filter: { streamPrefixes: [...PROCEDURE_STREAMS.streamPrefixes] },
  catalog: proceduresIntegrationEvents,
};
