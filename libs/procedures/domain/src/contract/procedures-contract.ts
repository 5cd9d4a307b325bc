import type { IntegrationContract } from '@redtape/event-sourcing';
import { PROCEDURE_STREAMS } from '../procedure-events.js';
import { proceduresIntegrationEvents } from '../integration-events.js';
import { proceduresUpcasters } from '../upcasters.js';

/**
 * What the procedures context publishes: its streams, its versioned integration events and the
 * upcasters its stored events need. The Kafka relay publishes through it, and another context reads
 * the procedures' events only through it (`publishedFormOf`), never as raw domain events.
 */
export const PROCEDURES_CONTRACT: IntegrationContract = {
  context: 'procedures',
  filter: { streamPrefixes: [...PROCEDURE_STREAMS.streamPrefixes] },
  catalog: proceduresIntegrationEvents,
  upcasters: proceduresUpcasters,
};
