import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { CommandInput, LocalDateScalar } from '@redtape/service-kit';
import { AuthorityKind } from './enums.js';

@InputType()
export class LocalizedNamesInput {
  @Field(() => String) en!: string;
  @Field(() => String, { nullable: true }) ru?: string | null;
  @Field(() => String, { nullable: true }) ky?: string | null;
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
