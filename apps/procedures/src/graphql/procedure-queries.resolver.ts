import { Inject } from '@nestjs/common';
import {
  Args,
  Context,
  ID,
  Int,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import type { RegionsMirrorQueries } from '@redtape/regions-mirror';
import { PageSize, ListSize, DateTimeScalar, apiError, type RequestContext } from '@redtape/service-kit';
import type { ProceduresQueries } from '@redtape/procedures-read-model';
import { PROCEDURE_HISTORY, PROCEDURES_LOADERS, PROCEDURES_QUERIES, REGIONS_MIRROR } from '../tokens.js';
import type { ProcedureHistory } from '@redtape/procedures-application';
import { ProcedureStatus } from './enums.js';
import {
  toAuditEntry,
  toConnection,
  toDuplicateCandidate,
  toProcedure,
  toProcedureFromRecord,
} from './mappers.js';
import { AuditEntryConnection, DuplicateCandidate, Procedure, ProcedureConnection } from './models.js';
import type { ProceduresLoaders } from './procedures-loaders.js';

const DEFAULT_PAGE = 50;

function requireReader(context: RequestContext): void {
  if (!context.principal) throw apiError.unauthenticated('sign in to read the audit trail');
}

@Resolver(() => Procedure)
export class ProcedureQueriesResolver {
  constructor(
    @Inject(PROCEDURES_QUERIES) private readonly queries: ProceduresQueries,
    @Inject(REGIONS_MIRROR) private readonly mirror: RegionsMirrorQueries,
    @Inject(PROCEDURE_HISTORY) private readonly history: ProcedureHistory,
    @Inject(PROCEDURES_LOADERS) private readonly loaders: ProceduresLoaders,
  ) {}

  @Query(() => Procedure, { nullable: true, description: 'One procedure as it stands now.' })
  async procedure(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: RequestContext,
  ): Promise<Procedure | null> {
    const record = await this.loaders.procedure.load(context, id);
    return record ? toProcedureFromRecord(record) : null;
  }

  @ResolveReference()
  async resolveReference(
    @Parent() reference: { id: string },
    @Context() context: RequestContext,
  ): Promise<Procedure | null> {
    return this.procedure(reference.id, context);
  }

  @PageSize(DEFAULT_PAGE)
  @Query(() => ProcedureConnection, {
    description: 'Procedures, of a unit and the units below it, by status, or matching a search.',
  })
  async procedures(
    @Args('unitId', { type: () => ID, nullable: true }) unitId?: string,
    @Args('status', { type: () => ProcedureStatus, nullable: true }) status?: ProcedureStatus,
    @Args('search', { type: () => String, nullable: true }) search?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<ProcedureConnection> {
    const unitIds = unitId ? await this.mirror.descendants(unitId) : undefined;
    const page = await this.queries.procedures({
      unitIds,
      status: status ?? undefined,
      search: search ?? undefined,
      first: first ?? DEFAULT_PAGE,
      after: after ?? undefined,
    });
    return toConnection(page, toProcedureFromRecord);
  }

  @Query(() => Procedure, {
    nullable: true,
    description:
      'Time travel: the procedure after its first `revision` events, or as recorded at instant `at`, rebuilt from its events.',
  })
  async procedureAsOf(
    @Args('id', { type: () => ID }) id: string,
    @Args('revision', { type: () => Int, nullable: true }) revision?: number,
    @Args('at', { type: () => DateTimeScalar, nullable: true }) at?: Date,
  ): Promise<Procedure | null> {
    if (revision !== undefined && revision !== null && revision < 1)
      throw apiError.badInput('revision counts events applied: 1 or more');
    const past = await this.history.asOf(id, { revision: revision ?? undefined, at: at ?? undefined });
    return past ? toProcedure(past.procedure, past.revision) : null;
  }

  @PageSize(DEFAULT_PAGE)
  @Query(() => AuditEntryConnection, {
    description: 'Every recorded change, oldest first; for signed-in users.',
  })
  async auditTrail(
    @Context() context: RequestContext,
    @Args('procedureId', { type: () => ID, nullable: true }) procedureId?: string,
    @Args('unitId', { type: () => ID, nullable: true }) unitId?: string,
    @Args('actorId', { type: () => ID, nullable: true }) actorId?: string,
    @Args('from', { type: () => DateTimeScalar, nullable: true }) from?: Date,
    @Args('to', { type: () => DateTimeScalar, nullable: true }) to?: Date,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<AuditEntryConnection> {
    requireReader(context);
    const page = await this.queries.auditTrail({
      procedureId: procedureId ?? undefined,
      unitIds: unitId ? await this.mirror.descendants(unitId) : undefined,
      actorId: actorId ?? undefined,
      from: from?.toISOString(),
      to: to?.toISOString(),
      first: first ?? DEFAULT_PAGE,
      after: after ?? undefined,
    });
    return toConnection(page, toAuditEntry);
  }

  @PageSize(DEFAULT_PAGE)
  @ResolveField('auditTrail', () => AuditEntryConnection, {
    nullable: true,
    description:
      'This procedure’s changes, oldest first; for signed-in users (null, with an UNAUTHENTICATED error, for anyone else).',
  })
  async auditTrailOf(
    @Parent() procedure: Procedure,
    @Context() context: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<AuditEntryConnection> {
    requireReader(context);
    const page = await this.queries.auditTrail({
      procedureId: procedure.id,
      first: first ?? DEFAULT_PAGE,
      after: after ?? undefined,
    });
    return toConnection(page, toAuditEntry);
  }

  @ListSize(100)
  @Query(() => [DuplicateCandidate], {
    description:
      'Procedures and requirements that look alike at different levels of the unit’s chain, for review.',
  })
  async duplicateCandidates(
    @Args('unitId', { type: () => ID }) unitId: string,
  ): Promise<DuplicateCandidate[]> {
    const candidates = await this.queries.duplicateCandidates(unitId);
    const ids = [...new Set(candidates.flatMap((c) => [c.left.procedureId, c.right.procedureId]))];
    const procedures = await this.queries.proceduresByIds(ids);
    return candidates.map((candidate) =>
      toDuplicateCandidate(candidate, (id) => toProcedureFromRecord(procedures.get(id)!)),
    );
  }
}
