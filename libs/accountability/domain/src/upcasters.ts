import { UpcasterRegistry } from '@redtape/event-sourcing';

/**
 * Every upcaster the accountability context's stored events need, in one registry that its command
 * handlers, its read models and the Kafka relay share. None yet: every event is at version 1.
 */
export const accountabilityUpcasters = new UpcasterRegistry();
