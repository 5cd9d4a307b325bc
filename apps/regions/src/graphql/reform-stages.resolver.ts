import { Inject } from '@nestjs/common';
import { ListSize } from '@redtape/service-kit';
import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RegionsQueries } from '../read-model/regions-queries.js';
import { REGIONS_QUERIES } from '../tokens.js';
import { toReformStage, toUnit } from './mappers.js';
import { AdministrativeUnit, ReformStage } from './models.js';

@Resolver(() => ReformStage)
export class ReformStagesResolver {
  constructor(@Inject(REGIONS_QUERIES) private readonly queries: RegionsQueries) {}

  @ListSize(5)
  @Query(() => [ReformStage], { description: 'The stages of the debureaucratization reform.' })
  async reformStages(): Promise<ReformStage[]> {
    return (await this.queries.reformStages()).map(toReformStage);
  }

  @ListSize(20)
  @ResolveField(() => [AdministrativeUnit], { description: 'Units enrolled in this stage’s pilot.' })
  async units(@Parent() stage: ReformStage): Promise<AdministrativeUnit[]> {
    return (await this.queries.unitsInStage(stage.stage)).map(toUnit);
  }
}
