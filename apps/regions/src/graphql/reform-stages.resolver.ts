import { Inject } from '@nestjs/common';
import { ListSize } from '@redtape/service-kit';
import { Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@redtape/service-kit';
import type { RegionsQueries } from '@redtape/regions-read-model';
import { REGIONS_LOADERS, REGIONS_QUERIES } from '../tokens.js';
import type { RegionsLoaders } from './regions-loaders.js';
import { toReformStage, toUnit } from './mappers.js';
import { AdministrativeUnit, ReformStage } from './models.js';

@Resolver(() => ReformStage)
export class ReformStagesResolver {
  constructor(
    @Inject(REGIONS_QUERIES) private readonly queries: RegionsQueries,
    @Inject(REGIONS_LOADERS) private readonly loaders: RegionsLoaders,
  ) {}

  @ListSize(5)
  @Query(() => [ReformStage], { description: 'The stages of the debureaucratization reform.' })
  async reformStages(): Promise<ReformStage[]> {
    return (await this.queries.reformStages()).map(toReformStage);
  }

  @ListSize(20)
  @ResolveField(() => [AdministrativeUnit], { description: 'Units enrolled in this stage’s pilot.' })
  async units(
    @Parent() stage: ReformStage,
    @Context() context: RequestContext,
  ): Promise<AdministrativeUnit[]> {
    return (await this.loaders.unitsInStage.load(context, stage.stage)).map(toUnit);
  }
}
