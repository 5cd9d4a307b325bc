import { Directive, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ListSize, DateTimeScalar, LocalDateScalar } from '@redtape/service-kit';
import { DuplicateKind, GovernmentLevel, ProcedureStatus } from './enums.js';

// Under ESM with decorator metadata a type must be declared before any type that references it.

@ObjectType({ description: 'An amount in Kyrgyz som.' })
export class Money {
  @Field(() => Float, { description: 'In som, to the tyiyn.' }) amount!: number;
  @Field(() => String) currency!: string;
}

@ObjectType({ description: 'A document the applicant must submit.' })
export class Requirement {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) originals!: number;
  @Field(() => Int) copies!: number;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType({ description: 'One stage the application goes through, in order.' })
export class Step {
  @Field(() => ID) id!: string;
  @Field(() => String) description!: string;
  @Field(() => String, { nullable: true }) office!: string | null;
}

@ObjectType({ description: 'A state authority; owned by the regions subgraph.' })
@Directive('@key(fields: "id", resolvable: false)')
export class Authority {
  @Field(() => ID) id!: string;
}

@ObjectType({ description: 'An administrative unit; owned by the regions subgraph.' })
@Directive('@key(fields: "id")')
export class AdministrativeUnit {
  @Field(() => ID) id!: string;
}

@ObjectType({ description: 'An administrative procedure a business or citizen must go through.' })
@Directive('@key(fields: "id")')
export class Procedure {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'e.g. business-registration, construction, land, trade, licensing.' })
  category!: string;
  @Field(() => ProcedureStatus) status!: ProcedureStatus;
  @Field(() => GovernmentLevel) level!: GovernmentLevel;
  @Field(() => Authority) authority!: Authority;
  @Field(() => AdministrativeUnit) unit!: AdministrativeUnit;
  @ListSize(30)
  @Field(() => [Requirement])
  requirements!: Requirement[];
  @ListSize(30)
  @Field(() => [Step])
  steps!: Step[];
  @Field(() => Int, { description: 'Statutory time for a decision, in days.' }) decisionDays!: number;
  @Field(() => Money, { nullable: true, description: 'Null when the procedure is free.' }) fee!: Money | null;
  @Field(() => String, { nullable: true }) legalBasis!: string | null;
  @Field(() => ID, { nullable: true, description: 'The procedure this one was marked a duplicate of.' })
  duplicateOfId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The procedure this one was merged into.' })
  mergedIntoId!: string | null;
  @Field(() => Int, {
    description: 'Number of events applied to this procedure; pass it as expectedRevision.',
  })
  revision!: number;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType({ description: 'A page of procedures; pass pageInfo.endCursor as `after` for the next.' })
export class ProcedureConnection {
  @Field(() => [Procedure]) nodes!: Procedure[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType({ description: 'Who made a change, as the verified token said.' })
export class AuditActor {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String) role!: string;
  @Field(() => ID, { nullable: true }) unitId!: string | null;
}

@ObjectType({ description: 'One field a change touched; values are JSON text.' })
export class FieldChange {
  @Field(() => String) field!: string;
  @Field(() => String, { nullable: true, description: 'JSON; null when the field was not set.' }) before!:
    string | null;
  @Field(() => String, { nullable: true, description: 'JSON; null when the field was removed.' }) after!:
    string | null;
}

@ObjectType({ description: 'One event of a procedure, with who, when, why and what it changed.' })
export class AuditEntry {
  @Field(() => ID, { description: 'The event id.' }) id!: string;
  @Field(() => ID) procedureId!: string;
  @Field(() => Int, { description: 'The procedure revision this event produced.' }) revision!: number;
  @Field(() => String) eventType!: string;
  @Field(() => DateTimeScalar) occurredAt!: Date;
  @Field(() => DateTimeScalar) recordedAt!: Date;
  @Field(() => AuditActor) actor!: AuditActor;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String, { nullable: true }) legalBasis!: string | null;
  @Field(() => String, { nullable: true }) commandId!: string | null;
  @ListSize(15)
  @Field(() => [FieldChange])
  changes!: FieldChange[];
}

@ObjectType({
  description: 'A page of audit entries, oldest first; pass pageInfo.endCursor as `after` for the next.',
})
export class AuditEntryConnection {
  @Field(() => [AuditEntry]) nodes!: AuditEntry[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType({
  description: 'The World Bank-style measures of a unit’s procedures (including the units below it).',
})
export class MetricsSnapshot {
  @Field(() => Int) activeProcedures!: number;
  @Field(() => Int) totalRequirements!: number;
  @Field(() => Int) totalDecisionDays!: number;
  @Field(() => Float, { nullable: true }) medianDecisionDays!: number | null;
  @Field(() => Money) totalFees!: Money;
}

@ObjectType({ description: 'Where a unit stands now against its baseline: the day it entered the pilot.' })
export class ReformMetrics {
  @Field(() => MetricsSnapshot) now!: MetricsSnapshot;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The pilot enrollment date of the unit or its nearest enrolled ancestor.',
  })
  baselineDate!: string | null;
  @Field(() => MetricsSnapshot, { nullable: true }) baseline!: MetricsSnapshot | null;
}

@ObjectType()
export class DuplicateSide {
  @Field(() => AdministrativeUnit) unit!: AdministrativeUnit;
  @Field(() => Procedure) procedure!: Procedure;
  @Field(() => ID, { nullable: true }) requirementId!: string | null;
  @Field(() => String) name!: string;
}

@ObjectType({
  description:
    'Two things that look alike at different levels of one unit chain: for review, never acted on by itself.',
})
export class DuplicateCandidate {
  @Field(() => DuplicateKind) kind!: DuplicateKind;
  @Field(() => Float, { description: 'Name similarity from 0 to 1.' }) score!: number;
  @Field(() => DuplicateSide) left!: DuplicateSide;
  @Field(() => DuplicateSide) right!: DuplicateSide;
}
