import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { LocalDateScalar } from '@redtape/service-kit';
import { AuthorityKind } from './enums.js';

@InputType()
export class LocalizedNamesInput {
  @Field(() => String) en!: string;
  @Field(() => String, { nullable: true }) ru?: string | null;
  @Field(() => String, { nullable: true }) ky?: string | null;
}

/** Fields every mutation input shares: safe retries and optimistic concurrency. */
@InputType({ isAbstract: true })
export abstract class CommandInput {
  @Field(() => String, {
    nullable: true,
    description: 'Your id for this change; sending it again appends nothing.',
  })
  commandId?: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'The revision you read; the change is refused with CONFLICT if it moved on.',
  })
  expectedRevision?: number | null;
  @Field(() => String, { nullable: true, description: 'Why the change is made; kept in the history.' })
  reason?: string | null;
  @Field(() => String, { nullable: true, description: 'The legal act the change rests on, if any.' })
  legalBasis?: string | null;
}

@InputType()
export class EnrollUnitInPilotInput extends CommandInput {
  @Field(() => ID) unitId!: string;
  @Field(() => Int, { defaultValue: 2 }) stage!: number;
  @Field(() => LocalDateScalar) enrolledOn!: string;
}

@InputType()
export class WithdrawUnitFromPilotInput extends CommandInput {
  @Field(() => ID) unitId!: string;
  @Field(() => Int, { defaultValue: 2 }) stage!: number;
  @Field(() => LocalDateScalar) withdrawnOn!: string;
}

@InputType()
export class RenameUnitInput extends CommandInput {
  @Field(() => ID) unitId!: string;
  @Field(() => LocalizedNamesInput) names!: LocalizedNamesInput;
}

@InputType()
export class EstablishAuthorityInput extends CommandInput {
  @Field(() => ID, { description: 'New id, e.g. district-akimat/nookat.' }) authorityId!: string;
  @Field(() => ID) unitId!: string;
  @Field(() => AuthorityKind) kind!: AuthorityKind;
  @Field(() => LocalizedNamesInput) names!: LocalizedNamesInput;
}
