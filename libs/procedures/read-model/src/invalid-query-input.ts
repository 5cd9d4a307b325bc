import { DomainError } from '@redtape/event-sourcing';

/**
 * A query the read model cannot answer: a cursor it did not write, a page size out of range, a
 * malformed date. A DomainError, so that the API answers it as BAD_USER_INPUT, not as a server fault.
 */
export class InvalidQueryInput extends DomainError {
  readonly code = 'BAD_USER_INPUT';
}
