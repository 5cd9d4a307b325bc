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
import type { RegionsCommands } from '../application/regions-commands.js';
import type { RegionsQueries } from '../read-model/regions-queries.js';
import { REGIONS_COMMANDS, REGIONS_QUERIES } from '../tokens.js';
import { EstablishAuthorityInput } from './inputs.js';
import { toAuthority, toUnit } from './mappers.js';
import { AdministrativeUnit, Authority } from './models.js';

@Resolver(() => Authority)
export class AuthoritiesResolver {
  constructor(
    @Inject(REGIONS_QUERIES) private readonly queries: RegionsQueries,
    @Inject(REGIONS_COMMANDS) private readonly commands: RegionsCommands,
  ) {}

  @Query(() => Authority, {
    nullable: true,
    description: 'One state authority by id, e.g. district-akimat/nookat.',
  })
  async authority(@Args('id', { type: () => ID }) id: string): Promise<Authority | null> {
    const row = await this.queries.authority(id);
    return row ? toAuthority(row) : null;
  }

  @ResolveReference()
  async resolveReference(reference: { id: string }): Promise<Authority | null> {
    return this.authority(reference.id);
  }

  @ResolveField(() => AdministrativeUnit)
  async unit(@Parent() authority: Authority): Promise<AdministrativeUnit> {
    const row = await this.queries.unit(authority.unitId);
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
    const authority = await this.authority(input.authorityId);
    if (!authority) throw apiError.notFound(`there is no authority ${input.authorityId}`);
    return authority;
  }
}
