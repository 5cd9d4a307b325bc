import { Inject } from '@nestjs/common';
import { ListSize } from '@redtape/service-kit';
import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RegionsMirrorQueries } from '@redtape/regions-mirror';
import type { ProceduresQueries } from '../read-model/procedures-queries.js';
import { PROCEDURES_QUERIES, REGIONS_MIRROR } from '../tokens.js';
import { ProcedureStatus } from './enums.js';
import { toMetricsSnapshot, toProcedureFromRecord } from './mappers.js';
import { AdministrativeUnit, Procedure, ReformMetrics } from './models.js';

/** What the procedures subgraph adds to the regions' AdministrativeUnit. */
@Resolver(() => AdministrativeUnit)
export class UnitProceduresResolver {
  constructor(
    @Inject(PROCEDURES_QUERIES) private readonly queries: ProceduresQueries,
    @Inject(REGIONS_MIRROR) private readonly mirror: RegionsMirrorQueries,
  ) {}

  @ListSize(100)
  @ResolveField(() => [Procedure], { description: 'Procedures owned by this unit’s authorities.' })
  async procedures(
    @Parent() unit: AdministrativeUnit,
    @Args('status', { type: () => ProcedureStatus, nullable: true }) status?: ProcedureStatus,
  ): Promise<Procedure[]> {
    return (await this.queries.proceduresOfUnit(unit.id, status ?? undefined)).map(toProcedureFromRecord);
  }

  @ResolveField(() => ReformMetrics, {
    description: 'Measures of this unit and the units below it, now and at its baseline.',
  })
  async reformMetrics(@Parent() unit: AdministrativeUnit): Promise<ReformMetrics> {
    const unitIds = await this.mirror.descendants(unit.id);
    const baselineDate = await this.mirror.baselineDate(unit.id);
    const [now, baseline] = await Promise.all([
      this.queries.metrics(unitIds),
      baselineDate === null ? Promise.resolve(null) : this.queries.metrics(unitIds, baselineDate),
    ]);
    return {
      now: toMetricsSnapshot(now),
      baselineDate,
      baseline: baseline === null ? null : toMetricsSnapshot(baseline),
    };
  }
}
