import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { CommandInput } from '@redtape/service-kit';
import { ReviewOutcome } from './enums.js';

@InputType()
export class RequirementInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to a new id.' }) id?: string | null;
  @Field(() => String) name!: string;
  @Field(() => Int, { defaultValue: 1 }) originals!: number;
  @Field(() => Int, { defaultValue: 0 }) copies!: number;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class StepInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to a new id.' }) id?: string | null;
  @Field(() => String) description!: string;
  @Field(() => String, { nullable: true }) office?: string | null;
}

@InputType()
export class RegisterProcedureInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to a new id.' }) procedureId?: string | null;
  @Field(() => ID, { description: 'The owning authority, e.g. mayors-office/tokmok.' }) authorityId!: string;
  @Field(() => String) title!: string;
  @Field(() => String) category!: string;
  @Field(() => [RequirementInput], { defaultValue: [] }) requirements!: RequirementInput[];
  @Field(() => [StepInput], { defaultValue: [] }) steps!: StepInput[];
  @Field(() => Int) decisionDays!: number;
  @Field(() => Float, { nullable: true, description: 'In som; null or absent when free.' }) feeSom?:
    number | null;
  @Field(() => String, { nullable: true, description: 'The act that establishes the procedure.' })
  procedureLegalBasis?: string | null;
  @Field(() => Boolean, { defaultValue: false, description: 'Record it as a draft, not yet in force.' })
  asDraft!: boolean;
}

@InputType({ description: 'A change that needs nothing but the procedure and the reason.' })
export class ProcedureChangeInput extends CommandInput {
  @Field(() => ID) procedureId!: string;
}

@InputType()
export class AddRequirementInput extends ProcedureChangeInput {
  @Field(() => RequirementInput) requirement!: RequirementInput;
}

@InputType()
export class RemoveRequirementInput extends ProcedureChangeInput {
  @Field(() => ID) requirementId!: string;
}

@InputType()
export class ReplaceRequirementInput extends ProcedureChangeInput {
  @Field(() => RequirementInput, { description: 'Its id names the requirement to replace.' })
  requirement!: RequirementInput;
}

@InputType()
export class AddStepInput extends ProcedureChangeInput {
  @Field(() => StepInput) step!: StepInput;
  @Field(() => Int, { nullable: true, description: 'Zero-based; defaults to the end.' }) position?:
    number | null;
}

@InputType()
export class RemoveStepInput extends ProcedureChangeInput {
  @Field(() => ID) stepId!: string;
}

@InputType()
export class ReorderStepsInput extends ProcedureChangeInput {
  @Field(() => [ID]) order!: string[];
}

@InputType()
export class ChangeDecisionTimeInput extends ProcedureChangeInput {
  @Field(() => Int) days!: number;
}

@InputType()
export class ChangeFeeInput extends ProcedureChangeInput {
  @Field(() => Float, { nullable: true, description: 'In som; null makes the procedure free.' }) feeSom?:
    number | null;
}

@InputType()
export class ChangeProcedureLegalBasisInput extends ProcedureChangeInput {
  @Field(() => String, { nullable: true }) procedureLegalBasis?: string | null;
}

@InputType()
export class FinishReviewInput extends ProcedureChangeInput {
  @Field(() => ReviewOutcome) outcome!: ReviewOutcome;
}

@InputType()
export class MarkProcedureDuplicateInput extends ProcedureChangeInput {
  @Field(() => ID) duplicateOf!: string;
}

@InputType()
export class MergeProcedureInput extends ProcedureChangeInput {
  @Field(() => ID) into!: string;
}
