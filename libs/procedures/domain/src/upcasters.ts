import { UpcasterRegistry } from '@redtape/event-sourcing';

/**
 * Every upcaster the procedures' stored events need, in one registry that the command handler, the
 * read side, the Kafka relay and other contexts (through the contract) all use: a new event version
 * is registered here once and every reader folds it. None yet: every event is at version 1.
 */
export const proceduresUpcasters = new UpcasterRegistry();
