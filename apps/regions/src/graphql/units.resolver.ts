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
import type { RegionsCommands } from '@redtape/regions-application';
import type { RegionsQueries } from '@redtape/regions-read-model';
import { REGIONS_COMMANDS, REGIONS_LOADERS, REGIONS_QUERIES } from '../tokens.js';
import type { RegionsLoaders } from './regions-loaders.js';
import { UnitKind } from './enums.js';
import { EnrollUnitInPilotInput, RenameUnitInput, WithdrawUnitFromPilotInput } from './inputs.js';
import { toAuthority, toUnit } from './mappers.js';
import { AdministrativeUnit, Authority } from './models.js';

@Resolver(() => AdministrativeUnit)
export class UnitsResolver {
  constructor(
    @Inject(REGIONS_QUERIES) private readonly queries: RegionsQueries,
    @Inject(REGIONS_COMMANDS) private readonly commands: RegionsCommands,
    @Inject(REGIONS_LOADERS) private readonly loaders: RegionsLoaders,
  ) {}

  @Query(() => AdministrativeUnit, { nullable: true, description: 'One unit by id, e.g. city/tokmok.' })
  async unit(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: RequestContext,
  ): Promise<AdministrativeUnit | null> {
    const row = await this.loaders.unit.load(context, id);
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
  async resolveReference(
    @Parent() reference: { id: string },
    @Context() context: RequestContext,
  ): Promise<AdministrativeUnit | null> {
    return this.unit(reference.id, context);
  }

  @ResolveField(() => AdministrativeUnit, { nullable: true })
  async parent(
    @Parent() unit: AdministrativeUnit,
    @Context() context: RequestContext,
  ): Promise<AdministrativeUnit | null> {
    return unit.parentId === null ? null : this.unit(unit.parentId, context);
  }

  @ListSize(15)
  @ResolveField(() => [AdministrativeUnit])
  async children(
    @Parent() unit: AdministrativeUnit,
    @Context() context: RequestContext,
  ): Promise<AdministrativeUnit[]> {
    return (await this.loaders.children.load(context, unit.id)).map(toUnit);
  }

  @ListSize(10)
  @ResolveField(() => [Authority])
  async authorities(
    @Parent() unit: AdministrativeUnit,
    @Context() context: RequestContext,
  ): Promise<Authority[]> {
    return (await this.loaders.authoritiesOfUnit.load(context, unit.id)).map(toAuthority);
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
    const row = await this.queries.unit(unitId);
    if (!row) throw apiError.notFound(`there is no administrative unit ${unitId}`);
    return toUnit(row);
  }
}
