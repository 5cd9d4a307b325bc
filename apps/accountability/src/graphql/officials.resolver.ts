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
import type { RegionsMirrorQueries } from '@redtape/regions-mirror';
import { ListSize, apiError, type RequestContext } from '@redtape/service-kit';
import type { AccountabilityCommands } from '@redtape/accountability-application';
import type { AccountabilityQueries } from '@redtape/accountability-read-model';
import {
  ACCOUNTABILITY_COMMANDS,
  ACCOUNTABILITY_LOADERS,
  ACCOUNTABILITY_QUERIES,
  REGIONS_MIRROR,
} from '../tokens.js';
import type { AccountabilityLoaders } from './accountability-loaders.js';
import { InstructionStatus } from './enums.js';
import { AppointOfficialInput, RegisterOfficialInput, RelieveOfficialInput } from './inputs.js';
import { toInstruction, toOfficial, toScorecard } from './mappers.js';
import { Instruction, Official, Scorecard } from './models.js';

@Resolver(() => Official)
export class OfficialsResolver {
  constructor(
    @Inject(ACCOUNTABILITY_QUERIES) private readonly queries: AccountabilityQueries,
    @Inject(ACCOUNTABILITY_COMMANDS) private readonly commands: AccountabilityCommands,
    @Inject(REGIONS_MIRROR) private readonly mirror: RegionsMirrorQueries,
    @Inject(ACCOUNTABILITY_LOADERS) private readonly loaders: AccountabilityLoaders,
  ) {}

  @Query(() => Official, { nullable: true })
  async official(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: RequestContext,
  ): Promise<Official | null> {
    const record = await this.loaders.official.load(context, id);
    return record ? toOfficial(record) : null;
  }

  @ResolveReference()
  async resolveReference(
    @Parent() reference: { id: string },
    @Context() context: RequestContext,
  ): Promise<Official | null> {
    return this.official(reference.id, context);
  }

  @ListSize(100)
  @Query(() => [Official], {
    description: 'Officials in office in a unit and the units below it, or matching a name.',
  })
  async officials(
    @Args('unitId', { type: () => ID, nullable: true }) unitId?: string,
    @Args('search', { type: () => String, nullable: true }) search?: string,
  ): Promise<Official[]> {
    const unitIds = unitId ? await this.mirror.descendants(unitId) : undefined;
    return (await this.queries.officials({ unitIds, search: search ?? undefined })).map(toOfficial);
  }

  @ListSize(50)
  @ResolveField(() => [Instruction], { description: 'Instructions this official answers for.' })
  async instructions(
    @Parent() official: Official,
    @Context() context: RequestContext,
    @Args('status', { type: () => InstructionStatus, nullable: true }) status?: InstructionStatus,
  ): Promise<Instruction[]> {
    const instructions = await this.loaders.instructionsOfOfficial.load(context, {
      parentId: official.id,
      status: status ?? undefined,
    });
    return instructions.map(toInstruction);
  }

  @ResolveField(() => Scorecard)
  async scorecard(@Parent() official: Official, @Context() context: RequestContext): Promise<Scorecard> {
    const scorecard = await this.loaders.officialScorecard.load(context, {
      officialId: official.id,
      unitId: official.currentPosition?.unit.id || null,
    });
    return toScorecard(scorecard!);
  }

  @Mutation(() => Official, { description: 'Records a person who can hold positions.' })
  async registerOfficial(
    @Args('input', { type: () => RegisterOfficialInput }) input: RegisterOfficialInput,
    @Context() context: RequestContext,
  ) {
    return this.changed(await this.commands.registerOfficial(context.principal, input));
  }

  @Mutation(() => Official, { description: 'Appoints an official to a position in an authority.' })
  async appointOfficial(
    @Args('input', { type: () => AppointOfficialInput }) input: AppointOfficialInput,
    @Context() context: RequestContext,
  ) {
    await this.commands.appointOfficial(context.principal, input);
    return this.changed(input.officialId);
  }

  @Mutation(() => Official, {
    description: 'Relieves an official of duties in an authority; a reason is required.',
  })
  async relieveOfficialOfDuties(
    @Args('input', { type: () => RelieveOfficialInput }) input: RelieveOfficialInput,
    @Context() context: RequestContext,
  ) {
    await this.commands.relieveOfficial(context.principal, input);
    return this.changed(input.officialId);
  }

  private async changed(officialId: string): Promise<Official> {
    const record = await this.queries.official(officialId);
    if (!record) throw apiError.notFound(`there is no official ${officialId}`);
    return toOfficial(record);
  }
}
