import { CommandHandler, type Actor, type CommandMetadata } from '@redtape/event-sourcing';
import type { EventStore, GlobalPosition } from '@redtape/event-store';
import {
  procedureDecider,
  procedureStream,
  type GovernmentLevel,
  type ProcedureCommand,
  type ProcedureEvent,
  type ProcedureState,
  type ProcedureStatus,
} from '@redtape/procedures-domain';

const PROCEDURES_OFFICER: Actor = { id: 'cabinet/procedures-desk', role: 'cabinet', name: 'Procedures desk' };

export interface Owner {
  readonly authorityId: string;
  readonly unitId: string;
  readonly level: GovernmentLevel;
}

/** Writes the procedures' history the way the procedures service does: commands through its decider. */
export class ProceduresHistory {
  private readonly handler: CommandHandler<ProcedureCommand, ProcedureEvent, ProcedureState>;
  private commands = 0;

  constructor(store: EventStore) {
    this.handler = new CommandHandler(store, procedureDecider);
  }

  /** An active procedure with the given requirement ids, registered at `at` (an ISO 8601 instant). */
  register(
    procedureId: string,
    owner: Owner,
    requirementIds: readonly string[],
    decisionDays: number,
    at: string,
    options: { asDraft?: boolean } = {},
  ) {
    return this.handle(
      procedureId,
      {
        type: 'RegisterProcedure',
        data: {
          procedureId,
          ...owner,
          title: `Procedure ${procedureId}`,
          category: 'licensing',
          requirements: requirementIds.map((requirementId) => ({
            requirementId,
            name: `Document ${requirementId}`,
            originals: 1,
            copies: 0,
            note: null,
          })),
          steps: [],
          decisionDays,
          fee: null,
          legalBasis: null,
          ...(options.asDraft ? { asDraft: true } : {}),
        },
      },
      at,
    );
  }

  removeRequirement(procedureId: string, requirementId: string, at: string) {
    return this.handle(procedureId, { type: 'RemoveRequirement', data: { requirementId } }, at);
  }

  changeDecisionTime(procedureId: string, days: number, at: string) {
    return this.handle(procedureId, { type: 'ChangeDecisionTime', data: { days } }, at);
  }

  merge(procedureId: string, into: string, targetStatus: ProcedureStatus, at: string) {
    return this.handle(procedureId, { type: 'MergeProcedure', data: { into, targetStatus } }, at);
  }

  startReview(procedureId: string, at: string) {
    return this.handle(procedureId, { type: 'StartReview', data: {} }, at);
  }

  finishReview(procedureId: string, outcome: 'SIMPLIFIED' | 'ACTIVE', at: string) {
    return this.handle(procedureId, { type: 'FinishReview', data: { outcome } }, at);
  }

  abolish(procedureId: string, at: string) {
    return this.handle(procedureId, { type: 'AbolishProcedure', data: {} }, at);
  }

  reinstate(procedureId: string, at: string) {
    return this.handle(procedureId, { type: 'ReinstateProcedure', data: {} }, at);
  }

  private async handle(
    procedureId: string,
    command: Omit<ProcedureCommand, 'metadata'>,
    at: string,
  ): Promise<GlobalPosition> {
    this.commands += 1;
    const metadata: CommandMetadata = {
      commandId: `procedures-spec-${this.commands}`,
      actor: PROCEDURES_OFFICER,
      now: new Date(at),
      reason: 'stage 2 of the reform',
    };
    const outcome = await this.handler.handle(procedureStream(procedureId), {
      ...command,
      metadata,
    } as ProcedureCommand);
    if (outcome.position === undefined)
      throw new Error(`${command.type} of ${procedureId} appended nothing: the spec expects a change`);
    return outcome.position;
  }
}
