import type { GlobalPosition } from '@redtape/event-store';

/**
 * What a command needs of the read side: to wait until every read model shows an append, so that
 * the answer to a mutation already shows the change. The service's projections host is one; a test
 * may pass its fixture's catch-up.
 */
export interface ReadYourWrites {
  waitFor(position: GlobalPosition | undefined): Promise<void>;
}
