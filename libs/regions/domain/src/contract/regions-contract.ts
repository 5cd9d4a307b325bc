import { publishedEventGuard, type IntegrationContract } from '@redtape/event-sourcing';
import { regionsIntegrationEvents, type RegionsIntegrationData } from '../integration-events.js';
import { REGIONS_STREAMS } from '../streams.js';
import { regionsUpcasters } from '../upcasters.js';

/**
 * What the regions context publishes: its streams, its versioned integration events and the
 * upcasters its stored events need. The Kafka relay publishes through it, and the mirror every other
 * service keeps reads the regions' events only through it (`publishedFormOf`).
 */
export const REGIONS_CONTRACT: IntegrationContract = {
  context: 'regions',
  filter: { streamPrefixes: [...REGIONS_STREAMS.streamPrefixes] },
  catalog: regionsIntegrationEvents,
  upcasters: regionsUpcasters,
};

/** Narrows a published regions event to one type: the catalog's mapping built its data. */
export const publishedAs = publishedEventGuard<RegionsIntegrationData>();
