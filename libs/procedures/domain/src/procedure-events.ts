/**
 * The procedures' published language: event types and their data, as stored and as read by every
 * projection and consumer. A type never changes once stored; a new shape is a new schema version.
 */
import type { DomainEvent } from '@redtape/event-sourcing';

/** Amounts are whole tyiyn (1 som = 100 tyiyn), so that sums are exact. */
export type Money = { tyiyn: number; currency: 'KGS' };

export type GovernmentLevel = 'CENTRAL' | 'REGIONAL' | 'CITY' | 'DISTRICT';

export type ProcedureStatus = 'DRAFT' | 'ACTIVE' | 'UNDER_REVIEW' | 'SIMPLIFIED' | 'MERGED' | 'ABOLISHED';

/** A document the applicant must submit. */
export type Requirement = {
  requirementId: string;
  name: string;
  originals: number;
  copies: number;
  note: string | null;
};

/** One stage the application goes through, in order. */
export type Step = { stepId: string; description: string; office: string | null };

export type ProcedureRegisteredData = {
  procedureId: string;
  authorityId: string;
  /** The owning authority's unit and level, as the regions context recorded them when registering. */
  unitId: string;
  level: GovernmentLevel;
  title: string;
  /** e.g. business-registration, construction, land, trade, licensing. */
  category: string;
  requirements: Requirement[];
  steps: Step[];
  decisionDays: number;
  fee: Money | null;
  legalBasis: string | null;
  status: 'DRAFT' | 'ACTIVE';
};

export type ProcedureRegistered = DomainEvent<'ProcedureRegistered', ProcedureRegisteredData>;
export type ProcedureActivated = DomainEvent<'ProcedureActivated', Record<string, never>>;
export type RequirementAdded = DomainEvent<'RequirementAdded', { requirement: Requirement }>;
export type RequirementRemoved = DomainEvent<'RequirementRemoved', { requirementId: string; name: string }>;
export type RequirementReplaced = DomainEvent<
  'RequirementReplaced',
  { before: Requirement; after: Requirement }
>;
export type StepAdded = DomainEvent<'StepAdded', { step: Step; position: number }>;
export type StepRemoved = DomainEvent<'StepRemoved', { stepId: string; description: string }>;
export type StepsReordered = DomainEvent<'StepsReordered', { from: string[]; to: string[] }>;
export type DecisionTimeChanged = DomainEvent<'DecisionTimeChanged', { from: number; to: number }>;
export type FeeChanged = DomainEvent<'FeeChanged', { from: Money | null; to: Money | null }>;
export type LegalBasisChanged = DomainEvent<'LegalBasisChanged', { from: string | null; to: string | null }>;
export type ReviewStarted = DomainEvent<'ReviewStarted', { from: 'ACTIVE' | 'SIMPLIFIED' }>;
/** SIMPLIFIED when the review cut something, ACTIVE when it left the procedure as it was. */
export type ReviewFinished = DomainEvent<'ReviewFinished', { outcome: 'SIMPLIFIED' | 'ACTIVE' }>;
export type ProcedureMarkedDuplicate = DomainEvent<'ProcedureMarkedDuplicate', { duplicateOf: string }>;
export type ProcedureMerged = DomainEvent<'ProcedureMerged', { into: string; from: ProcedureStatus }>;
export type ProcedureAbolished = DomainEvent<'ProcedureAbolished', { from: ProcedureStatus }>;
export type ProcedureReinstated = DomainEvent<'ProcedureReinstated', { to: 'ACTIVE' }>;

export type ProcedureEvent =
  | ProcedureRegistered
  | ProcedureActivated
  | RequirementAdded
  | RequirementRemoved
  | RequirementReplaced
  | StepAdded
  | StepRemoved
  | StepsReordered
  | DecisionTimeChanged
  | FeeChanged
  | LegalBasisChanged
  | ReviewStarted
  | ReviewFinished
  | ProcedureMarkedDuplicate
  | ProcedureMerged
  | ProcedureAbolished
  | ProcedureReinstated;

export const PROCEDURE_EVENT_TYPES: readonly ProcedureEvent['type'][] = [
  'ProcedureRegistered',
  'ProcedureActivated',
  'RequirementAdded',
  'RequirementRemoved',
  'RequirementReplaced',
  'StepAdded',
  'StepRemoved',
  'StepsReordered',
  'DecisionTimeChanged',
  'FeeChanged',
  'LegalBasisChanged',
  'ReviewStarted',
  'ReviewFinished',
  'ProcedureMarkedDuplicate',
  'ProcedureMerged',
  'ProcedureAbolished',
  'ProcedureReinstated',
];

export const PROCEDURE_STREAM_PREFIX = 'procedure-';

export const procedureStream = (procedureId: string): string => `${PROCEDURE_STREAM_PREFIX}${procedureId}`;
export const procedureIdOfStream = (streamId: string): string =>
  streamId.slice(PROCEDURE_STREAM_PREFIX.length);
export const PROCEDURE_STREAMS = { streamPrefixes: [PROCEDURE_STREAM_PREFIX] } as const;
