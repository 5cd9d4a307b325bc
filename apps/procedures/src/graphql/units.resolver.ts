import { Inject } from '@nestjs/common';
import { ListSize, type RequestContext } from '@redtape/service-kit';
import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { PROCEDURES_LOADERS } from '../tokens.js';
import { ProcedureStatus } from './enums.js';
import { toMetricsSnapshot, toProcedureFromRecord } from './mappers.js';
import { AdministrativeUnit, Procedure, ReformMetrics } from './models.js';
import type { ProceduresLoaders } from './procedures-loaders.js';

/** What the procedures subgraph adds to the regions' AdministrativeUnit. */
@Resolver(() => AdministrativeUnit)
export class UnitProceduresResolver {
  constructor(@Inject(PROCEDURES_LOADERS) private readonly loaders: ProceduresLoaders) {}

  @ListSize(100)
  @ResolveField(() => [Procedure], { description: 'Procedures owned by this unit’s authorities.' })
  async procedures(
    @Parent() unit: AdministrativeUnit,
    @Context() context: RequestContext,
    @Args('status', { type: () => ProcedureStatus, nullable: true }) status?: ProcedureStatus,
  ): Promise<Procedure[]> {
    const procedures = await this.loaders.proceduresOfUnit.load(context, {
      unitId: unit.id,
      status: status ?? undefined,
    });
    return procedures.map(toProcedureFromRecord);
  }

  @ResolveField(() => ReformMetrics, {
    description: 'Measures of this unit and the units below it, now and at its baseline.',
  })
  async reformMetrics(
    @Parent() unit: AdministrativeUnit,
    @Context() context: RequestContext,
  ): Promise<ReformMetrics> {
    const { now, baselineDate, baseline } = (await this.loaders.unitMetrics.load(context, unit.id))!;
    return {
      now: toMetricsSnapshot(now),
      baselineDate,
      baseline: baseline === null ? null : toMetricsSnapshot(baseline),
    };
  }
}
