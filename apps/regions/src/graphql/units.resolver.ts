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
import { ListSize, apiError, type RequestContext } from '@redtape/service-kit';
import type { RegionsCommands } from '../application/regions-commands.js';
import type { RegionsQueries } from '../read-model/regions-queries.js';
import { REGIONS_COMMANDS, REGIONS_QUERIES } from '../tokens.js';
import { UnitKind } from './enums.js';
import { EnrollUnitInPilotInput, RenameUnitInput, WithdrawUnitFromPilotInput } from './inputs.js';
import { toAuthority, toUnit } from './mappers.js';
import { AdministrativeUnit, Authority } from './models.js';

@Resolver(() => AdministrativeUnit)
export class UnitsResolver {
  constructor(
    @Inject(REGIONS_QUERIES) private readonly queries: RegionsQueries,
    @Inject(REGIONS_COMMANDS) private readonly commands: RegionsCommands,
  ) {}

  @Query(() => AdministrativeUnit, { nullable: true, description: 'One unit by id, e.g. city/tokmok.' })
  async unit(@Args('id', { type: () => ID }) id: string): Promise<AdministrativeUnit | null> {
    const row = await this.queries.unit(id);
    return row ? toUnit(row) : null;
  }

  @ListSize(100)
  @Query(() => [AdministrativeUnit], {
    description:
      'Units, optionally of one kind, in or out of the pilot, or matching a name in any spelling (Latin or Cyrillic).',
  })
  async units(
    @Args('kind', { type: () => UnitKind, nullable: true }) kind?: UnitKind,
    @Args('pilot', { type: () => Boolean, nullable: true }) pilot?: boolean,
    @Args('search', { type: () => String, nullable: true }) search?: string,
  ): Promise<AdministrativeUnit[]> {
    if (search !== undefined && search !== null && search.trim().length > 100)
      throw apiError.badInput('search is at most 100 characters');
    const rows = await this.queries.units({
      kind: kind ?? undefined,
      pilot: pilot ?? undefined,
      search: search ?? undefined,
    });
    return rows.map(toUnit);
  }

  @ResolveReference()
  async resolveReference(reference: { id: string }): Promise<AdministrativeUnit | null> {
    return this.unit(reference.id);
  }

  @ResolveField(() => AdministrativeUnit, { nullable: true })
  async parent(@Parent() unit: AdministrativeUnit): Promise<AdministrativeUnit | null> {
    return unit.parentId === null ? null : this.unit(unit.parentId);
  }

  @ListSize(15)
  @ResolveField(() => [AdministrativeUnit])
  async children(@Parent() unit: AdministrativeUnit): Promise<AdministrativeUnit[]> {
    return (await this.queries.children(unit.id)).map(toUnit);
  }

  @ListSize(10)
  @ResolveField(() => [Authority])
  async authorities(@Parent() unit: AdministrativeUnit): Promise<Authority[]> {
    return (await this.queries.authoritiesOf(unit.id)).map(toAuthority);
  }

  @Mutation(() => AdministrativeUnit, {
    description: 'Enrolls a unit in a stage of the debureaucratization pilot.',
  })
  async enrollUnitInPilot(
    @Args('input', { type: () => EnrollUnitInPilotInput }) input: EnrollUnitInPilotInput,
    @Context() context: RequestContext,
  ) {
    await this.commands.enrollInPilot(context.principal, input);
    return this.changed(input.unitId);
  }

  @Mutation(() => AdministrativeUnit, {
    description: 'Withdraws a unit from the pilot stage it is enrolled in.',
  })
  async withdrawUnitFromPilot(
    @Args('input', { type: () => WithdrawUnitFromPilotInput }) input: WithdrawUnitFromPilotInput,
    @Context() context: RequestContext,
  ) {
    await this.commands.withdrawFromPilot(context.principal, input);
    return this.changed(input.unitId);
  }

  @Mutation(() => AdministrativeUnit, { description: 'Renames a unit (the old names stay searchable).' })
  async renameUnit(
    @Args('input', { type: () => RenameUnitInput }) input: RenameUnitInput,
    @Context() context: RequestContext,
  ) {
    await this.commands.rename(context.principal, input);
    return this.changed(input.unitId);
  }

  private async changed(unitId: string): Promise<AdministrativeUnit> {
    const unit = await this.unit(unitId);
    if (!unit) throw apiError.notFound(`there is no administrative unit ${unitId}`);
    return unit;
  }
}
