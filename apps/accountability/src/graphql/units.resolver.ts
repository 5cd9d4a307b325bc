import { Inject } from '@nestjs/common';
import { ListSize } from '@redtape/service-kit';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@redtape/service-kit';
import type { AccountabilityCommands } from '../application/accountability-commands.js';
import type { RegionsMirrorQueries } from '@redtape/regions-mirror';
import type { AccountabilityQueries } from '../read-model/accountability-queries.js';
import { ACCOUNTABILITY_COMMANDS, ACCOUNTABILITY_QUERIES, REGIONS_MIRROR } from '../tokens.js';
import { AssignProcedureResponsibilityInput } from './inputs.js';
import { InstructionStatus } from './enums.js';
import { toInstruction, toOfficial, toScorecard } from './mappers.js';
import { AdministrativeUnit, Instruction, Official, Procedure, Scorecard } from './models.js';

/** What accountability adds to the regions' AdministrativeUnit. */
@Resolver(() => AdministrativeUnit)
export class UnitAccountabilityResolver {
  constructor(
    @Inject(ACCOUNTABILITY_QUERIES) private readonly queries: AccountabilityQueries,
    @Inject(REGIONS_MIRROR) private readonly mirror: RegionsMirrorQueries,
  ) {}

  @ResolveField(() => Official, {
    nullable: true,
    description: 'The head of the unit’s authority: personally responsible for its reform.',
  })
  async head(@Parent() unit: AdministrativeUnit): Promise<Official | null> {
    const record = await this.queries.headOf(unit.id);
    return record ? toOfficial(record) : null;
  }

  @ListSize(20)
  @ResolveField(() => [Official], { description: 'Officials in office in this unit’s authorities.' })
  async officials(@Parent() unit: AdministrativeUnit): Promise<Official[]> {
    return (await this.queries.officials({ unitIds: [unit.id] })).map(toOfficial);
  }

  @ListSize(100)
  @ResolveField(() => [Instruction], { description: 'Instructions about this unit and the units below it.' })
  async instructions(
    @Parent() unit: AdministrativeUnit,
    @Args('status', { type: () => InstructionStatus, nullable: true }) status?: InstructionStatus,
  ): Promise<Instruction[]> {
    const unitIds = await this.mirror.descendants(unit.id);
    return (await this.queries.instructions({ unitIds, status: status ?? undefined })).map(toInstruction);
  }

  @ResolveField(() => Scorecard, { description: 'This unit and the units below it.' })
  async scorecard(@Parent() unit: AdministrativeUnit): Promise<Scorecard> {
    const unitIds = await this.mirror.descendants(unit.id);
    const baseline = await this.mirror.baselineDate(unit.id);
    return toScorecard(await this.queries.scorecardOfUnit(unitIds, baseline ?? undefined));
  }
}

/** What accountability adds to the procedures' Procedure. */
@Resolver(() => Procedure)
export class ProcedureResponsibilityResolver {
  constructor(
    @Inject(ACCOUNTABILITY_QUERIES) private readonly queries: AccountabilityQueries,
    @Inject(ACCOUNTABILITY_COMMANDS) private readonly commands: AccountabilityCommands,
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
  async responsibleOfficial(@Parent() procedure: Procedure): Promise<Official | null> {
    const responsible = await this.queries.responsibleOfficialForProcedure(procedure.id);
    const record = responsible ? await this.queries.official(responsible.officialId) : undefined;
    return record ? toOfficial(record) : null;
  }
}
