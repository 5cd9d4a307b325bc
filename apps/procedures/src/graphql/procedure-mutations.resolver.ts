import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { apiError, type RequestContext } from '@redtape/service-kit';
import { moneyOf, requirementOf, stepOf, type ProceduresCommands } from '@redtape/procedures-application';
import type { ProceduresQueries } from '@redtape/procedures-read-model';
import { PROCEDURES_COMMANDS, PROCEDURES_QUERIES } from '../tokens.js';
import {
  AddRequirementInput,
  AddStepInput,
  ChangeDecisionTimeInput,
  ChangeFeeInput,
  ChangeProcedureLegalBasisInput,
  FinishReviewInput,
  MarkProcedureDuplicateInput,
  MergeProcedureInput,
  ProcedureChangeInput,
  RegisterProcedureInput,
  RemoveRequirementInput,
  RemoveStepInput,
  ReorderStepsInput,
  ReplaceRequirementInput,
} from './inputs.js';
import { toProcedureFromRecord } from './mappers.js';
import { Procedure } from './models.js';

/** One mutation per command; each answers the procedure as it stands after the change. */
@Resolver(() => Procedure)
export class ProcedureMutationsResolver {
  constructor(
    @Inject(PROCEDURES_COMMANDS) private readonly commands: ProceduresCommands,
    @Inject(PROCEDURES_QUERIES) private readonly queries: ProceduresQueries,
  ) {}

  @Mutation(() => Procedure, { description: 'Records a procedure of an authority, in force unless asDraft.' })
  async registerProcedure(
    @Args('input', { type: () => RegisterProcedureInput }) input: RegisterProcedureInput,
    @Context() context: RequestContext,
  ) {
    return this.changed(await this.commands.register(context.principal, input));
  }

  @Mutation(() => Procedure, { description: 'Puts a draft procedure in force.' })
  async activateProcedure(
    @Args('input', { type: () => ProcedureChangeInput }) input: ProcedureChangeInput,
    @Context() context: RequestContext,
  ) {
    await this.commands.change(context.principal, input, 'ActivateProcedure', () => ({}));
    return this.changed(input.procedureId);
  }

  @Mutation(() => Procedure)
  async addRequirement(
    @Args('input', { type: () => AddRequirementInput }) input: AddRequirementInput,
    @Context() context: RequestContext,
  ) {
    await this.commands.change(context.principal, input, 'AddRequirement', (_procedure, command) => ({
      requirement: requirementOf(input.requirement, command),
    }));
    return this.changed(input.procedureId);
  }

  @Mutation(() => Procedure, { description: 'Drops a requirement: one document fewer for applicants.' })
  async removeRequirement(
    @Args('input', { type: () => RemoveRequirementInput }) input: RemoveRequirementInput,
    @Context() context: RequestContext,
  ) {
    await this.commands.change(context.principal, input, 'RemoveRequirement', () => ({
      requirementId: input.requirementId,
    }));
    return this.changed(input.procedureId);
  }

  @Mutation(() => Procedure)
  async replaceRequirement(
    @Args('input', { type: () => ReplaceRequirementInput }) input: ReplaceRequirementInput,
    @Context() context: RequestContext,
  ) {
    if (!input.requirement.id) throw apiError.badInput('requirement.id names the requirement to replace');
    await this.commands.change(context.principal, input, 'ReplaceRequirement', (_procedure, command) => ({
      requirement: requirementOf(input.requirement, command),
    }));
    return this.changed(input.procedureId);
  }

  @Mutation(() => Procedure)
  async addStep(
    @Args('input', { type: () => AddStepInput }) input: AddStepInput,
    @Context() context: RequestContext,
  ) {
    await this.commands.change(context.principal, input, 'AddStep', (_procedure, command) => ({
      step: stepOf(input.step, command),
      ...(input.position === null || input.position === undefined ? {} : { position: input.position }),
    }));
    return this.changed(input.procedureId);
  }

  @Mutation(() => Procedure)
  async removeStep(
    @Args('input', { type: () => RemoveStepInput }) input: RemoveStepInput,
    @Context() context: RequestContext,
  ) {
    await this.commands.change(context.principal, input, 'RemoveStep', () => ({ stepId: input.stepId }));
    return this.changed(input.procedureId);
  }

  @Mutation(() => Procedure)
  async reorderSteps(
    @Args('input', { type: () => ReorderStepsInput }) input: ReorderStepsInput,
    @Context() context: RequestContext,
  ) {
    await this.commands.change(context.principal, input, 'ReorderSteps', () => ({ order: input.order }));
    return this.changed(input.procedureId);
  }

  @Mutation(() => Procedure, { description: 'Changes the statutory decision time (at least one day).' })
  async changeDecisionTime(
    @Args('input', { type: () => ChangeDecisionTimeInput }) input: ChangeDecisionTimeInput,
    @Context() context: RequestContext,
  ) {
    await this.commands.change(context.principal, input, 'ChangeDecisionTime', () => ({ days: input.days }));
    return this.changed(input.procedureId);
  }

  @Mutation(() => Procedure)
  async changeFee(
    @Args('input', { type: () => ChangeFeeInput }) input: ChangeFeeInput,
    @Context() context: RequestContext,
  ) {
    await this.commands.change(context.principal, input, 'ChangeFee', () => ({ fee: moneyOf(input.feeSom) }));
    return this.changed(input.procedureId);
  }

  @Mutation(() => Procedure)
  async changeProcedureLegalBasis(
    @Args('input', { type: () => ChangeProcedureLegalBasisInput }) input: ChangeProcedureLegalBasisInput,
    @Context() context: RequestContext,
  ) {
    await this.commands.change(context.principal, input, 'ChangeLegalBasis', () => ({
      legalBasis: input.procedureLegalBasis ?? null,
    }));
    return this.changed(input.procedureId);
  }

  @Mutation(() => Procedure)
  async startReview(
    @Args('input', { type: () => ProcedureChangeInput }) input: ProcedureChangeInput,
    @Context() context: RequestContext,
  ) {
    await this.commands.change(context.principal, input, 'StartReview', () => ({}));
    return this.changed(input.procedureId);
  }

  @Mutation(() => Procedure)
  async finishReview(
    @Args('input', { type: () => FinishReviewInput }) input: FinishReviewInput,
    @Context() context: RequestContext,
  ) {
    await this.commands.change(context.principal, input, 'FinishReview', () => ({ outcome: input.outcome }));
    return this.changed(input.procedureId);
  }

  @Mutation(() => Procedure, {
    description: 'Records that a procedure duplicates another; it stays in force until merged or abolished.',
  })
  async markProcedureDuplicate(
    @Args('input', { type: () => MarkProcedureDuplicateInput }) input: MarkProcedureDuplicateInput,
    @Context() context: RequestContext,
  ) {
    await this.commands.change(context.principal, input, 'MarkProcedureDuplicate', async () => ({
      duplicateOf: input.duplicateOf,
      duplicateOfExists: (await this.commands.statusOf(input.duplicateOf)) !== null,
    }));
    return this.changed(input.procedureId);
  }

  @Mutation(() => Procedure, {
    description: 'Merges a procedure into another one in force; the merged one ends.',
  })
  async mergeProcedure(
    @Args('input', { type: () => MergeProcedureInput }) input: MergeProcedureInput,
    @Context() context: RequestContext,
  ) {
    await this.commands.change(context.principal, input, 'MergeProcedure', async () => ({
      into: input.into,
      targetStatus: await this.commands.statusOf(input.into),
    }));
    return this.changed(input.procedureId);
  }

  @Mutation(() => Procedure, { description: 'Abolishes a procedure; a reason is required.' })
  async abolishProcedure(
    @Args('input', { type: () => ProcedureChangeInput }) input: ProcedureChangeInput,
    @Context() context: RequestContext,
  ) {
    await this.commands.change(context.principal, input, 'AbolishProcedure', () => ({}));
    return this.changed(input.procedureId);
  }

  @Mutation(() => Procedure, { description: 'Puts an abolished procedure back in force.' })
  async reinstateProcedure(
    @Args('input', { type: () => ProcedureChangeInput }) input: ProcedureChangeInput,
    @Context() context: RequestContext,
  ) {
    await this.commands.change(context.principal, input, 'ReinstateProcedure', () => ({}));
    return this.changed(input.procedureId);
  }

  private async changed(procedureId: string): Promise<Procedure> {
    const record = await this.queries.procedure(procedureId);
    if (!record) throw apiError.notFound(`there is no procedure ${procedureId}`);
    return toProcedureFromRecord(record);
  }
}
