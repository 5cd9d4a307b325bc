import { DomainError } from '@redtape/event-sourcing';

export class AuthorityAlreadyEstablished extends DomainError {
  readonly code = 'CONFLICT';
  constructor(readonly authorityId: string) {
    super(`${authorityId} is already established with other details; it cannot be established again`);
  }
}

export class AuthorityKindDoesNotFitUnit extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly kind: string,
    readonly unitKind: string,
  ) {
    super(`an authority of kind ${kind} cannot govern a unit of kind ${unitKind}`);
  }
}

export class InvalidAuthorityId extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly authorityId: string) {
    super(`${JSON.stringify(authorityId)} is not an authority id like district-akimat/nookat or cabinet/kg`);
  }
}
