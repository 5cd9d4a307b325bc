import { registerEnumType } from '@nestjs/graphql';

export enum ProcedureStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  UNDER_REVIEW = 'UNDER_REVIEW',
  SIMPLIFIED = 'SIMPLIFIED',
  MERGED = 'MERGED',
  ABOLISHED = 'ABOLISHED',
}

export enum GovernmentLevel {
  CENTRAL = 'CENTRAL',
  REGIONAL = 'REGIONAL',
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
}

export enum ReviewOutcome {
  SIMPLIFIED = 'SIMPLIFIED',
  ACTIVE = 'ACTIVE',
}

export enum DuplicateKind {
  PROCEDURE = 'PROCEDURE',
  REQUIREMENT = 'REQUIREMENT',
}

registerEnumType(ProcedureStatus, {
  name: 'ProcedureStatus',
  description:
    'DRAFT → ACTIVE ⇄ UNDER_REVIEW → SIMPLIFIED | ACTIVE; MERGED and ABOLISHED end it (ABOLISHED may be reinstated).',
});
registerEnumType(GovernmentLevel, {
  name: 'GovernmentLevel',
  description: 'The level of the authority that owns a procedure.',
});
registerEnumType(ReviewOutcome, { name: 'ReviewOutcome' });
registerEnumType(DuplicateKind, { name: 'DuplicateKind' });
