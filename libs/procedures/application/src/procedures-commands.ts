import type { Principal } from '@redtape/auth';
import {
  CommandHandler,
  commandOf,
  entityIdFor,
  partIdFor,
  type Actor,
  type CommandMetadata,
  type CommandOfType,
  type CreatingCommand,
} from '@redtape/event-sourcing';
import type { EventStore } from '@redtape/event-store';
import {
  proceduresUpcasters,
  mayPerformOnProcedure,
  procedureDecider,
  procedureStream,
  type Money,
  type ProcedureCommand,
  type ProcedureDocument,
  type ProcedureEvent,
  type ProcedureState,
  type Requirement,
  type Step,
} from '@redtape/procedures-domain';
import type { RegionsMirrorQueries } from '@redtape/regions-mirror';
import {
  apiError,
  commandMetadataFor,
  handleOptionsFor,
  type ChangeRequest,
  type ReadYourWrites,
  authorize,
} from '@redtape/service-kit/application';

type Action = ProcedureCommand['type'];
type CommandOf<T extends Action> = CommandOfType<ProcedureCommand, T>;

export interface RequirementRequest {
  readonly id?: string | null;
  readonly name: string;
  readonly originals: number;
  readonly copies: number;
  readonly note?: string | null;
}

export interface StepRequest {
  readonly id?: string | null;
  readonly description: string;
  readonly office?: string | null;
}

export interface RegisterRequest extends ChangeRequest {
  readonly procedureId?: string | null;
  readonly authorityId: string;
  readonly title: string;
  readonly category: string;
  readonly requirements: readonly RequirementRequest[];
  readonly steps: readonly StepRequest[];
  readonly decisionDays: number;
  readonly feeSom?: number | null;
  readonly procedureLegalBasis?: string | null;
  readonly asDraft: boolean;
}

/** A requirement as the client gave it; unnamed, it gets an id derived from the command that adds it. */
export function requirementOf(request: RequirementRequest, command: CreatingCommand, index = 0): Requirement {
  return {
    requirementId: request.id ?? partIdFor('r', command, index),
    name: request.name,
    originals: request.originals,
    copies: request.copies,
    note: request.note ?? null,
  };
}

/** A step as the client gave it; unnamed, it gets an id derived from the command that adds it. */
export function stepOf(request: StepRequest, command: CreatingCommand, index = 0): Step {
  return {
    stepId: request.id ?? partIdFor('s', command, index),
    description: request.description,
    office: request.office ?? null,
  };
}

/** Fees arrive in som; events keep whole tyiyn so that sums stay exact. */
export function moneyOf(som: number | null | undefined): Money | null {
  if (som === null || som === undefined) return null;
  const tyiyn = Math.round(som * 100);
  if (!Number.isFinite(som) || som < 0 || Math.abs(tyiyn - som * 100) > 1e-6)
    throw apiError.badInput(`a fee is a sum in som ≥ 0 with at most two decimals, not ${som}`);
  return { tyiyn, currency: 'KGS' };
}

/**
 * The procedures' use cases: who may do it (the owning authority's unit, as mirrored from the regions'
 * events), the command, the decision, and a wait until the read models show it.
 */
export class ProceduresCommands {
  private readonly procedures: CommandHandler<ProcedureCommand, ProcedureEvent, ProcedureState>;

  constructor(
    store: EventStore,
    private readonly mirror: RegionsMirrorQueries,
    private readonly projections: ReadYourWrites,
    private readonly clock: () => Date,
  ) {
    this.procedures = new CommandHandler(store, procedureDecider, proceduresUpcasters);
  }

  async register(principal: Principal | undefined, request: RegisterRequest): Promise<string> {
    const authority = await this.mirror.authority(request.authorityId);
    if (!authority) throw apiError.notFound(`there is no authority ${request.authorityId}`);
    const actor = await this.authorize(principal, 'RegisterProcedure', authority.unit_id);
    const metadata = commandMetadataFor(actor, request, this.clock());
    // A retried create derives the same id, so it finds the procedure it made the first time.
    const procedureId = request.procedureId ?? entityIdFor('procedure', metadata);
    const command: CommandOf<'RegisterProcedure'> = {
      type: 'RegisterProcedure',
      data: {
        procedureId,
        authorityId: authority.id,
        unitId: authority.unit_id,
        level: authority.level as ProcedureDocument['level'],
        title: request.title,
        category: request.category,
        requirements: request.requirements.map((requirement, i) => requirementOf(requirement, metadata, i)),
        steps: request.steps.map((step, i) => stepOf(step, metadata, i)),
        decisionDays: request.decisionDays,
        fee: moneyOf(request.feeSom),
        legalBasis: request.procedureLegalBasis ?? null,
        asDraft: request.asDraft,
      },
      metadata,
    };
    await this.handle(procedureId, command, request);
    return procedureId;
  }

  /**
   * Any change to an existing procedure: `build` receives the procedure as it stands, for commands
   * that need facts about it or about another procedure (merge, duplicate), and the command's
   * metadata, from which the ids of the parts it adds are derived.
   */
  async change<T extends Action>(
    principal: Principal | undefined,
    request: ChangeRequest & { procedureId: string },
    type: T,
    build: (
      procedure: ProcedureDocument,
      command: CommandMetadata,
    ) => Promise<CommandOf<T>['data']> | CommandOf<T>['data'],
  ): Promise<void> {
    const loaded = await this.procedures.load(procedureStream(request.procedureId));
    if (loaded.state.status !== 'registered')
      throw apiError.notFound(`there is no procedure ${request.procedureId}`);
    const actor = await this.authorize(principal, type, loaded.state.procedure.unitId);
    const metadata = commandMetadataFor(actor, request, this.clock());
    const data: CommandOf<T>['data'] = await build(loaded.state.procedure, metadata);
    // T is CommandOf<T>['type'] by definition; TypeScript cannot see it through the generic union.
    const command = commandOf<CommandOf<T>>(type as CommandOf<T>['type'], data, metadata);
    await this.handle(request.procedureId, command, request);
  }

  /** What another procedure is, for merges and duplicates: its status, or null if it does not exist. */
  async statusOf(procedureId: string): Promise<ProcedureDocument['status'] | null> {
    const loaded = await this.procedures.load(procedureStream(procedureId));
    return loaded.state.status === 'registered' ? loaded.state.procedure.status : null;
  }

  private async handle(
    procedureId: string,
    command: ProcedureCommand,
    request: ChangeRequest,
  ): Promise<void> {
    const outcome = await this.procedures.handle(
      procedureStream(procedureId),
      command,
      handleOptionsFor(request),
    );
    await this.projections.waitFor(outcome.position);
  }

  private authorize(principal: Principal | undefined, action: Action, unitId: string): Promise<Actor> {
    return authorize(principal, action, unitId, {
      purpose: 'change procedures',
      ancestry: (id) => this.mirror.ancestry(id),
      mayPerform: mayPerformOnProcedure,
    });
  }
}
