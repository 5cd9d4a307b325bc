import { DomainError } from '@redtape/event-sourcing';

/**
 * A query the read model cannot answer, such as a malformed date. A DomainError, so that the API
 * answers it as BAD_USER_INPUT, not as a server fault.
 */
export class InvalidQueryInput extends DomainError {
  readonly code = 'BAD_USER_INPUT';
}
