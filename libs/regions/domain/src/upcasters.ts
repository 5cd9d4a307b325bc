import { UpcasterRegistry } from '@redtape/event-sourcing';

/**
 * Every upcaster the regions context's stored events need, in one registry that its command
 * handlers, its read models, the Kafka relay and the mirrors other services keep all share. None
 * yet: every event is at version 1.
 */
export const regionsUpcasters = new UpcasterRegistry();
