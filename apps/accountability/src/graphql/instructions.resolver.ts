import { Inject } from '@nestjs/common';
import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import type { RegionsMirrorQueries } from '@redtape/regions-mirror';
import { ListSize, apiError, type RequestContext } from '@redtape/service-kit';
import type { AccountabilityCommands } from '@redtape/accountability-application';
import type { AccountabilityQueries } from '@redtape/accountability-read-model';
import {
  ACCOUNTABILITY_COMMANDS,
  ACCOUNTABILITY_LOADERS,
  ACCOUNTABILITY_QUERIES,
  REGIONS_MIRROR,
} from '../tokens.js';
import type { AccountabilityLoaders } from './accountability-loaders.js';
import { InstructionStatus } from './enums.js';
import {
  CompleteInstructionInput,
  IssueInstructionInput,
  ReassignInstructionInput,
  ReportProgressInput,
} from './inputs.js';
import { toInstruction, toMeeting, toOfficial, toProgressReport } from './mappers.js';
import { Instruction, Meeting, Official, ProgressReport } from './models.js';

@Resolver(() => Instruction)
export class InstructionsResolver {
  constructor(
    @Inject(ACCOUNTABILITY_QUERIES) private readonly queries: AccountabilityQueries,
    @Inject(ACCOUNTABILITY_COMMANDS) private readonly commands: AccountabilityCommands,
    @Inject(REGIONS_MIRROR) private readonly mirror: RegionsMirrorQueries,
    @Inject(ACCOUNTABILITY_LOADERS) private readonly loaders: AccountabilityLoaders,
  ) {}

  @Query(() => Instruction, { nullable: true })
  async instruction(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: RequestContext,
  ): Promise<Instruction | null> {
    const record = await this.loaders.instruction.load(context, id);
    return record ? toInstruction(record) : null;
  }

  @ResolveReference()
  async resolveReference(
    @Parent() reference: { id: string },
    @Context() context: RequestContext,
  ): Promise<Instruction | null> {
    return this.instruction(reference.id, context);
  }

  @ListSize(100)
  @Query(() => [Instruction], {
    description: 'Instructions, by status, about a unit and the units below it, or only the overdue ones.',
  })
  async instructions(
    @Args('status', { type: () => InstructionStatus, nullable: true }) status?: InstructionStatus,
    @Args('unitId', { type: () => ID, nullable: true }) unitId?: string,
    @Args('overdueOnly', { type: () => Boolean, nullable: true }) overdueOnly?: boolean,
  ): Promise<Instruction[]> {
    const unitIds = unitId ? await this.mirror.descendants(unitId) : undefined;
    return (
      await this.queries.instructions({
        status: status ?? undefined,
        unitIds,
        overdueOnly: overdueOnly ?? undefined,
      })
    ).map(toInstruction);
  }

  @ResolveField(() => Official, {
    nullable: true,
    description: 'Who answers for it now: null while unassigned.',
  })
  async assignee(
    @Parent() instruction: Instruction,
    @Context() context: RequestContext,
  ): Promise<Official | null> {
    if (instruction.assigneeOfficialId === null || instruction.unassigned) return null;
    const record = await this.loaders.official.load(context, instruction.assigneeOfficialId);
    return record ? toOfficial(record) : null;
  }

  @ResolveField(() => Meeting, { nullable: true })
  async meeting(
    @Parent() instruction: Instruction,
    @Context() context: RequestContext,
  ): Promise<Meeting | null> {
    if (instruction.meetingId === null) return null;
    const record = await this.loaders.meeting.load(context, instruction.meetingId);
    return record ? toMeeting(record) : null;
  }

  @ListSize(20)
  @ResolveField(() => [ProgressReport])
  async reports(
    @Parent() instruction: Instruction,
    @Context() context: RequestContext,
  ): Promise<ProgressReport[]> {
    return (await this.loaders.reportsOfInstruction.load(context, instruction.id)).map(toProgressReport);
  }

  @Mutation(() => Instruction, {
    description: 'Issues an instruction to an official or an authority, usually at a meeting.',
  })
  async issueInstruction(
    @Args('input', { type: () => IssueInstructionInput }) input: IssueInstructionInput,
    @Context() context: RequestContext,
  ) {
    return this.changed(await this.commands.issueInstruction(context.principal, input));
  }

  @Mutation(() => Instruction, {
    description: 'The assignee reports progress; an issued instruction is then in progress.',
  })
  async reportProgress(
    @Args('input', { type: () => ReportProgressInput }) input: ReportProgressInput,
    @Context() context: RequestContext,
  ) {
    await this.commands.reportProgress(context.principal, input);
    return this.changed(input.instructionId);
  }

  @Mutation(() => Instruction)
  async completeInstruction(
    @Args('input', { type: () => CompleteInstructionInput }) input: CompleteInstructionInput,
    @Context() context: RequestContext,
  ) {
    await this.commands.completeInstruction(context.principal, input);
    return this.changed(input.instructionId);
  }

  @Mutation(() => Instruction, { description: 'Gives an instruction to another official in office.' })
  async reassignInstruction(
    @Args('input', { type: () => ReassignInstructionInput }) input: ReassignInstructionInput,
    @Context() context: RequestContext,
  ) {
    await this.commands.reassignInstruction(context.principal, input);
    return this.changed(input.instructionId);
  }

  private async changed(instructionId: string): Promise<Instruction> {
    const record = await this.queries.instruction(instructionId);
    if (!record) throw apiError.notFound(`there is no instruction ${instructionId}`);
    return toInstruction(record);
  }
}
