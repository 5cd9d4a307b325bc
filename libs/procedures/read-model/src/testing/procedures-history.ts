import { CommandHandler, type Actor, type CommandMetadata } from '@redtape/event-sourcing';
import type { EventStore, GlobalPosition } from '@redtape/event-store';
import {
  procedureDecider,
  procedureStream,
  type GovernmentLevel,
  type Money,
  type ProcedureCommand,
  type ProcedureEvent,
  type ProcedureState,
  type ProcedureStatus,
  type RegisterProcedure,
  type Requirement,
  type Step,
} from '@redtape/procedures-domain';

export const CABINET_OFFICER: Actor = {
  id: 'cabinet/a.sadykova',
  role: 'cabinet',
  name: 'Aigul Sadykova',
};

export const TOKMOK_OFFICIAL: Actor = {
  id: 'official/b.toktogulov',
  role: 'official',
  name: 'Bakyt Toktogulov',
  unitId: 'city/tokmok',
};

/** Who makes a change, when, and why: what ends up in the event's metadata. */
export interface Change {
  readonly actor: Actor;
  /** ISO 8601 instant: the command's clock reading. */
  readonly at: string;
  readonly reason?: string;
  readonly legalBasis?: string;
  readonly commandId?: string;
}

export function requirement(requirementId: string, name: string, copies = 0): Requirement {
  return { requirementId, name, originals: copies === 0 ? 1 : 0, copies, note: null };
}

export function step(stepId: string, description: string): Step {
  return { stepId, description, office: null };
}

export const som = (amount: number): Money => ({ tyiyn: amount * 100, currency: 'KGS' });

export interface Registration {
  readonly procedureId: string;
  readonly authorityId: string;
  readonly unitId: string;
  readonly level: GovernmentLevel;
  readonly title: string;
  readonly category?: string;
  readonly requirements?: Requirement[];
  readonly steps?: Step[];
  readonly decisionDays?: number;
  readonly fee?: Money | null;
  readonly legalBasis?: string | null;
  readonly asDraft?: boolean;
}

/** Writes procedures' history the way the service does: commands through the domain's decider. */
export class ProceduresHistory {
  private readonly handler: CommandHandler<ProcedureCommand, ProcedureEvent, ProcedureState>;
  private commands = 0;

  constructor(store: EventStore) {
    this.handler = new CommandHandler(store, procedureDecider);
  }

  register(registration: Registration, change: Change): Promise<GlobalPosition> {
    const data: RegisterProcedure['data'] = {
      procedureId: registration.procedureId,
      authorityId: registration.authorityId,
      unitId: registration.unitId,
      level: registration.level,
      title: registration.title,
      category: registration.category ?? 'licensing',
      requirements: registration.requirements ?? [],
      steps: registration.steps ?? [],
      decisionDays: registration.decisionDays ?? 30,
      fee: registration.fee ?? null,
      legalBasis: registration.legalBasis ?? null,
      ...(registration.asDraft === undefined ? {} : { asDraft: registration.asDraft }),
    };
    return this.handle(registration.procedureId, { type: 'RegisterProcedure', data }, change);
  }

  activate(procedureId: string, change: Change) {
    return this.handle(procedureId, { type: 'ActivateProcedure', data: {} }, change);
  }

  addRequirement(procedureId: string, added: Requirement, change: Change) {
    return this.handle(procedureId, { type: 'AddRequirement', data: { requirement: added } }, change);
  }

  removeRequirement(procedureId: string, requirementId: string, change: Change) {
    return this.handle(procedureId, { type: 'RemoveRequirement', data: { requirementId } }, change);
  }

  changeDecisionTime(procedureId: string, days: number, change: Change) {
    return this.handle(procedureId, { type: 'ChangeDecisionTime', data: { days } }, change);
  }

  changeFee(procedureId: string, fee: Money | null, change: Change) {
    return this.handle(procedureId, { type: 'ChangeFee', data: { fee } }, change);
  }

  startReview(procedureId: string, change: Change) {
    return this.handle(procedureId, { type: 'StartReview', data: {} }, change);
  }

  finishReview(procedureId: string, outcome: 'SIMPLIFIED' | 'ACTIVE', change: Change) {
    return this.handle(procedureId, { type: 'FinishReview', data: { outcome } }, change);
  }

  merge(procedureId: string, into: string, targetStatus: ProcedureStatus, change: Change) {
    return this.handle(procedureId, { type: 'MergeProcedure', data: { into, targetStatus } }, change);
  }

  abolish(procedureId: string, change: Change) {
    return this.handle(procedureId, { type: 'AbolishProcedure', data: {} }, change);
  }

  private async handle(
    procedureId: string,
    command: Omit<ProcedureCommand, 'metadata'>,
    change: Change,
  ): Promise<GlobalPosition> {
    this.commands += 1;
    const metadata: CommandMetadata = {
      commandId: change.commandId ?? `procedures-spec-${this.commands}`,
      actor: change.actor,
      now: new Date(change.at),
      ...(change.reason === undefined ? {} : { reason: change.reason }),
      ...(change.legalBasis === undefined ? {} : { legalBasis: change.legalBasis }),
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
