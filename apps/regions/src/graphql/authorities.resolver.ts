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
import { apiError, type RequestContext } from '@redtape/service-kit';
import type { RegionsCommands } from '@redtape/regions-application';
import type { RegionsQueries } from '@redtape/regions-read-model';
import { REGIONS_COMMANDS, REGIONS_LOADERS, REGIONS_QUERIES } from '../tokens.js';
import type { RegionsLoaders } from './regions-loaders.js';
import { EstablishAuthorityInput } from './inputs.js';
import { toAuthority, toUnit } from './mappers.js';
import { AdministrativeUnit, Authority } from './models.js';

@Resolver(() => Authority)
export class AuthoritiesResolver {
  constructor(
    @Inject(REGIONS_QUERIES) private readonly queries: RegionsQueries,
    @Inject(REGIONS_COMMANDS) private readonly commands: RegionsCommands,
    @Inject(REGIONS_LOADERS) private readonly loaders: RegionsLoaders,
  ) {}

  @Query(() => Authority, {
    nullable: true,
    description: 'One state authority by id, e.g. district-akimat/nookat.',
  })
  async authority(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: RequestContext,
  ): Promise<Authority | null> {
    const row = await this.loaders.authority.load(context, id);
    return row ? toAuthority(row) : null;
  }

  @ResolveReference()
  async resolveReference(
    @Parent() reference: { id: string },
    @Context() context: RequestContext,
  ): Promise<Authority | null> {
    return this.authority(reference.id, context);
  }

  @ResolveField(() => AdministrativeUnit)
  async unit(
    @Parent() authority: Authority,
    @Context() context: RequestContext,
  ): Promise<AdministrativeUnit> {
    const row = await this.loaders.unit.load(context, authority.unitId);
    if (!row)
      throw new Error(
        `authority ${authority.id} refers to unit ${authority.unitId}, which the read model lacks`,
      );
    return toUnit(row);
  }

  @Mutation(() => Authority, { description: 'Establishes a state authority attached to a unit.' })
  async establishAuthority(
    @Args('input', { type: () => EstablishAuthorityInput }) input: EstablishAuthorityInput,
    @Context() context: RequestContext,
  ) {
    await this.commands.establishAuthority(context.principal, input);
    const row = await this.queries.authority(input.authorityId);
    if (!row) throw apiError.notFound(`there is no authority ${input.authorityId}`);
    return toAuthority(row);
  }
}
