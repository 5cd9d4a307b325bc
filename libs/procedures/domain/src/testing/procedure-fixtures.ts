/**
 * Sample procedures, events and commands for this library's specs: a district's street-trade permit
 * as the Nookat akimat might record it.
 */
import { fold, type CommandMetadata } from '@redtape/event-sourcing';
import type { ProcedureCommand, ProcedureCommandType } from '../commands/procedure-commands.js';
import type {
  ProcedureEvent,
  ProcedureRegisteredData,
  ProcedureStatus,
  Requirement,
  Step,
} from '../procedure-events.js';
import { evolveProcedure, initialProcedureState, type ProcedureDocument } from '../procedure-state.js';

export const REASON = 'Nookat pilot: cutting requirements the district does not need';

/** Metadata of a command given for this reason, or for none when `reason` is null. */
export const metadataWith = (reason: string | null = REASON): CommandMetadata => ({
  commandId: 'c-1',
  actor: { id: 'o-1', role: 'official', unitId: 'district/nookat' },
  now: new Date('2026-02-01T09:00:00Z'),
  ...(reason === null ? {} : { reason }),
});

export const passportCopy: Requirement = {
  requirementId: 'passport-copy',
  name: 'Copy of passport',
  originals: 0,
  copies: 1,
  note: null,
};
export const taxCertificate: Requirement = {
  requirementId: 'tax-certificate',
  name: 'Tax clearance certificate',
  originals: 1,
  copies: 0,
  note: 'issued within the last 30 days',
};
export const leaseContract: Requirement = {
  requirementId: 'lease-contract',
  name: 'Lease contract for the trading place',
  originals: 1,
  copies: 1,
  note: null,
};

export const apply: Step = {
  stepId: 'apply',
  description: 'Submit the application',
  office: 'Service window',
};
export const inspect: Step = { stepId: 'inspect', description: 'Inspect the trading place', office: null };
export const decide: Step = { stepId: 'decide', description: 'Decision of the akim', office: 'Akimat' };
export const pay: Step = { stepId: 'pay', description: 'Pay the fee', office: 'Bank' };

export const tradePermit: ProcedureRegisteredData = {
  procedureId: 'nookat-trade-permit',
  authorityId: 'district-akimat/nookat',
  unitId: 'district/nookat',
  level: 'DISTRICT',
  title: 'Permit for street trade',
  category: 'trade',
  requirements: [passportCopy, taxCertificate],
  steps: [apply, inspect, decide],
  decisionDays: 30,
  fee: { tyiyn: 50_000, currency: 'KGS' },
  legalBasis: 'Decision of the Nookat district akimat No. 12',
  status: 'ACTIVE',
};

export const registered = (changes: Partial<ProcedureRegisteredData> = {}): ProcedureEvent => ({
  type: 'ProcedureRegistered',
  data: { ...tradePermit, ...changes },
});
export const activated: ProcedureEvent = { type: 'ProcedureActivated', data: {} };
export const reviewStarted = (from: 'ACTIVE' | 'SIMPLIFIED' = 'ACTIVE'): ProcedureEvent => ({
  type: 'ReviewStarted',
  data: { from },
});
export const reviewFinished = (outcome: 'ACTIVE' | 'SIMPLIFIED' = 'SIMPLIFIED'): ProcedureEvent => ({
  type: 'ReviewFinished',
  data: { outcome },
});
export const markedDuplicate = (duplicateOf = 'talas-trade-permit'): ProcedureEvent => ({
  type: 'ProcedureMarkedDuplicate',
  data: { duplicateOf },
});
export const merged = (into = 'osh-trade-permit', from: ProcedureStatus = 'ACTIVE'): ProcedureEvent => ({
  type: 'ProcedureMerged',
  data: { into, from },
});
export const abolished = (from: ProcedureStatus = 'ACTIVE'): ProcedureEvent => ({
  type: 'ProcedureAbolished',
  data: { from },
});
export const reinstated: ProcedureEvent = { type: 'ProcedureReinstated', data: { to: 'ACTIVE' } };

type CommandOf<T extends ProcedureCommandType> = Extract<ProcedureCommand, { type: T }>;

/** A command of this type with this data, given for a reason (or for none, when `reason` is null). */
export function command<T extends ProcedureCommandType>(
  type: T,
  data: CommandOf<T>['data'],
  reason: string | null = REASON,
): CommandOf<T> {
  return { type, data, metadata: metadataWith(reason) } as unknown as CommandOf<T>;
}

export const register = (changes: Partial<ProcedureRegisteredData> = {}, asDraft?: boolean) => {
  const { status: _status, ...data } = { ...tradePermit, ...changes };
  return command('RegisterProcedure', asDraft === undefined ? data : { ...data, asDraft }, null);
};

/** A command of every type other than registration, each one that would be accepted on `tradePermit`. */
export const EVERY_CHANGE: readonly ProcedureCommand[] = [
  command('ActivateProcedure', {}),
  command('AddRequirement', { requirement: leaseContract }),
  command('RemoveRequirement', { requirementId: 'passport-copy' }),
  command('ReplaceRequirement', { requirement: { ...passportCopy, copies: 2 } }),
  command('AddStep', { step: pay }),
  command('RemoveStep', { stepId: 'inspect' }),
  command('ReorderSteps', { order: ['apply', 'decide', 'inspect'] }),
  command('ChangeDecisionTime', { days: 10 }),
  command('ChangeFee', { fee: null }),
  command('ChangeLegalBasis', { legalBasis: 'Law No. 45 on permits' }),
  command('StartReview', {}),
  command('FinishReview', { outcome: 'SIMPLIFIED' }),
  command('MarkProcedureDuplicate', { duplicateOf: 'talas-trade-permit', duplicateOfExists: true }),
  command('MergeProcedure', { into: 'osh-trade-permit', targetStatus: 'ACTIVE' }),
  command('AbolishProcedure', {}),
  command('ReinstateProcedure', {}),
];

/** The procedure document after these events. */
export function documentAfter(events: readonly ProcedureEvent[]): ProcedureDocument {
  const state = fold({ evolve: evolveProcedure }, initialProcedureState(), events);
  if (state.status !== 'registered') throw new Error('the events register no procedure');
  return state.procedure;
}
