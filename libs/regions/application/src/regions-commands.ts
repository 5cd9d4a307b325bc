import type { Principal } from '@redtape/auth';
import { CommandHandler, type Actor, type CommandMetadata } from '@redtape/event-sourcing';
import type { EventStore } from '@redtape/event-store';
import {
  regionsUpcasters,
  authorityDecider,
  authorityStream,
  mayPerform,
  reformStageDecider,
  reformStageStream,
  unitDecider,
  unitStream,
  type AuthorityCommand,
  type AuthorityEvent,
  type AuthorityKind,
  type AuthorityState,
  type LocalizedNames,
  type ReformStageCommand,
  type ReformStageEvent,
  type RegionsAction,
  type ReformStageState,
  type UnitCommand,
  type UnitEvent,
  type UnitKind,
  type UnitState,
} from '@redtape/regions-domain';
import {
  apiError,
  commandMetadataFor,
  handleOptionsFor,
  type ChangeRequest,
  type ReadYourWrites,
  authorize,
} from '@redtape/service-kit/application';
import type { RegionsQueries } from '@redtape/regions-read-model';

function names(input: { en: string; ru?: string | null; ky?: string | null }): LocalizedNames {
  return { en: input.en, ...(input.ru ? { ru: input.ru } : {}), ...(input.ky ? { ky: input.ky } : {}) };
}

/**
 * The regions' use cases: check who may do it, turn the request into a command, let the aggregate
 * decide, and wait until the read model shows the result so the mutation can return it.
 */
export class RegionsCommands {
  private readonly units: CommandHandler<UnitCommand, UnitEvent, UnitState>;
  private readonly authorities: CommandHandler<AuthorityCommand, AuthorityEvent, AuthorityState>;
  private readonly stages: CommandHandler<ReformStageCommand, ReformStageEvent, ReformStageState>;

  constructor(
    store: EventStore,
    private readonly queries: RegionsQueries,
    private readonly projections: ReadYourWrites,
    private readonly clock: () => Date,
  ) {
    this.units = new CommandHandler(store, unitDecider, regionsUpcasters);
    this.authorities = new CommandHandler(store, authorityDecider, regionsUpcasters);
    this.stages = new CommandHandler(store, reformStageDecider, regionsUpcasters);
  }

  async enrollInPilot(
    principal: Principal | undefined,
    input: ChangeRequest & { unitId: string; stage: number; enrolledOn: string },
  ) {
    const actor = await this.authorize(principal, 'EnrollUnitInPilot', input.unitId);
    const stage = await this.stages.load(reformStageStream(input.stage));
    if (stage.state.status !== 'started')
      throw apiError.notFound(`reform stage ${input.stage} has not started`);
    await this.changeUnit(input, {
      type: 'EnrollUnitInPilot',
      data: { stage: input.stage, enrolledOn: input.enrolledOn, stageStartedOn: stage.state.start.startedOn },
      metadata: this.metadata(actor, input),
    });
  }

  async withdrawFromPilot(
    principal: Principal | undefined,
    input: ChangeRequest & { unitId: string; stage: number; withdrawnOn: string },
  ) {
    const actor = await this.authorize(principal, 'WithdrawUnitFromPilot', input.unitId);
    await this.changeUnit(input, {
      type: 'WithdrawUnitFromPilot',
      data: { stage: input.stage, withdrawnOn: input.withdrawnOn },
      metadata: this.metadata(actor, input),
    });
  }

  async rename(
    principal: Principal | undefined,
    input: ChangeRequest & { unitId: string; names: { en: string; ru?: string | null; ky?: string | null } },
  ) {
    const actor = await this.authorize(principal, 'RenameUnit', input.unitId);
    await this.changeUnit(input, {
      type: 'RenameUnit',
      data: { names: names(input.names) },
      metadata: this.metadata(actor, input),
    });
  }

  async establishAuthority(
    principal: Principal | undefined,
    input: ChangeRequest & {
      authorityId: string;
      unitId: string;
      kind: AuthorityKind;
      names: { en: string; ru?: string | null; ky?: string | null };
    },
  ) {
    const actor = await this.authorize(principal, 'EstablishAuthority', input.unitId);
    const unit = await this.queries.unit(input.unitId);
    if (!unit) throw apiError.notFound(`there is no administrative unit ${input.unitId}`);
    const outcome = await this.authorities.handle(
      authorityStream(input.authorityId),
      {
        type: 'EstablishAuthority',
        data: {
          authorityId: input.authorityId,
          unitId: input.unitId,
          unitKind: unit.kind as UnitKind,
          kind: input.kind,
          names: names(input.names),
        },
        metadata: this.metadata(actor, input),
      },
      this.options(input),
    );
    await this.projections.waitFor(outcome.position);
  }

  private async changeUnit(input: ChangeRequest & { unitId: string }, command: UnitCommand) {
    const outcome = await this.units.handle(unitStream(input.unitId), command, this.options(input));
    await this.projections.waitFor(outcome.position);
  }

  private authorize(principal: Principal | undefined, action: RegionsAction, unitId: string): Promise<Actor> {
    return authorize(principal, action, unitId, {
      purpose: 'change the administrative map',
      ancestry: (id) => this.queries.ancestry(id),
      mayPerform,
    });
  }

  private metadata(actor: Actor, input: ChangeRequest): CommandMetadata {
    return commandMetadataFor(actor, input, this.clock());
  }

  private options(input: ChangeRequest) {
    return handleOptionsFor(input);
  }
}
