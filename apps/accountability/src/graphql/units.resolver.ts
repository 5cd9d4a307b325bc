import { Inject } from '@nestjs/common';
import { ListSize } from '@redtape/service-kit';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@redtape/service-kit';
import type { AccountabilityCommands } from '@redtape/accountability-application';
import { ACCOUNTABILITY_COMMANDS, ACCOUNTABILITY_LOADERS } from '../tokens.js';
import type { AccountabilityLoaders } from './accountability-loaders.js';
import { AssignProcedureResponsibilityInput } from './inputs.js';
import { InstructionStatus } from './enums.js';
import { toInstruction, toOfficial, toScorecard } from './mappers.js';
import { AdministrativeUnit, Instruction, Official, Procedure, Scorecard } from './models.js';

/** What accountability adds to the regions' AdministrativeUnit. */
@Resolver(() => AdministrativeUnit)
export class UnitAccountabilityResolver {
  constructor(@Inject(ACCOUNTABILITY_LOADERS) private readonly loaders: AccountabilityLoaders) {}

  @ResolveField(() => Official, {
    nullable: true,
    description: 'The head of the unit’s authority: personally responsible for its reform.',
  })
  async head(
    @Parent() unit: AdministrativeUnit,
    @Context() context: RequestContext,
  ): Promise<Official | null> {
    const record = await this.loaders.headOfUnit.load(context, unit.id);
    return record ? toOfficial(record) : null;
  }

  @ListSize(20)
  @ResolveField(() => [Official], { description: 'Officials in office in this unit’s authorities.' })
  async officials(
    @Parent() unit: AdministrativeUnit,
    @Context() context: RequestContext,
  ): Promise<Official[]> {
    return (await this.loaders.officialsOfUnit.load(context, unit.id)).map(toOfficial);
  }

  @ListSize(100)
  @ResolveField(() => [Instruction], { description: 'Instructions about this unit and the units below it.' })
  async instructions(
    @Parent() unit: AdministrativeUnit,
    @Context() context: RequestContext,
    @Args('status', { type: () => InstructionStatus, nullable: true }) status?: InstructionStatus,
  ): Promise<Instruction[]> {
    const instructions = await this.loaders.instructionsOfUnit.load(context, {
      parentId: unit.id,
      status: status ?? undefined,
    });
    return instructions.map(toInstruction);
  }

  @ResolveField(() => Scorecard, { description: 'This unit and the units below it.' })
  async scorecard(
    @Parent() unit: AdministrativeUnit,
    @Context() context: RequestContext,
  ): Promise<Scorecard> {
    return toScorecard((await this.loaders.unitScorecard.load(context, unit.id))!);
  }
}

/** What accountability adds to the procedures' Procedure. */
@Resolver(() => Procedure)
export class ProcedureResponsibilityResolver {
  constructor(
    @Inject(ACCOUNTABILITY_COMMANDS) private readonly commands: AccountabilityCommands,
    @Inject(ACCOUNTABILITY_LOADERS) private readonly loaders: AccountabilityLoaders,
  ) {}

  @Mutation(() => Procedure, {
    description: 'Makes an official in office personally responsible for a procedure.',
  })
  async assignProcedureResponsibility(
    @Args('input', { type: () => AssignProcedureResponsibilityInput })
    input: AssignProcedureResponsibilityInput,
    @Context() context: RequestContext,
  ): Promise<Procedure> {
    await this.commands.assignProcedureResponsibility(context.principal, input);
    return { id: input.procedureId };
  }

  @ResolveField(() => Official, {
    nullable: true,
    description: 'Who answers for it: assigned in person, or else the head of the owning authority.',
  })
  async responsibleOfficial(
    @Parent() procedure: Procedure,
    @Context() context: RequestContext,
  ): Promise<Official | null> {
    const responsible = await this.loaders.responsibleForProcedure.load(context, procedure.id);
    const record = responsible ? await this.loaders.official.load(context, responsible.officialId) : null;
    return record ? toOfficial(record) : null;
  }
}
