import type { Command } from '@redtape/event-sourcing';
import type { GovernmentLevel, Money, ProcedureStatus, Requirement, Step } from '../procedure-events.js';

type NoData = Record<string, never>;

/**
 * Records a procedure as its owning authority runs it. Registration needs no reason (it is the first
 * fact); `asDraft` registers it as a DRAFT to be activated later, otherwise it is ACTIVE at once.
 */
export type RegisterProcedure = Command<
  'RegisterProcedure',
  {
    procedureId: string;
    authorityId: string;
    unitId: string;
    level: GovernmentLevel;
    title: string;
    category: string;
    requirements: Requirement[];
    steps: Step[];
    decisionDays: number;
    fee: Money | null;
    legalBasis: string | null;
    asDraft?: boolean;
  }
>;

export type ActivateProcedure = Command<'ActivateProcedure', NoData>;

export type AddRequirement = Command<'AddRequirement', { requirement: Requirement }>;
export type RemoveRequirement = Command<'RemoveRequirement', { requirementId: string }>;
/** The same requirementId with new content. */
export type ReplaceRequirement = Command<'ReplaceRequirement', { requirement: Requirement }>;

/** `position` counts from 0; without one the step goes last. */
export type AddStep = Command<'AddStep', { step: Step; position?: number }>;
export type RemoveStep = Command<'RemoveStep', { stepId: string }>;
/** Every current step id, each once, in the new order. */
export type ReorderSteps = Command<'ReorderSteps', { order: string[] }>;

export type ChangeDecisionTime = Command<'ChangeDecisionTime', { days: number }>;
export type ChangeFee = Command<'ChangeFee', { fee: Money | null }>;
export type ChangeLegalBasis = Command<'ChangeLegalBasis', { legalBasis: string | null }>;

export type StartReview = Command<'StartReview', NoData>;
export type FinishReview = Command<'FinishReview', { outcome: 'SIMPLIFIED' | 'ACTIVE' }>;

/** `duplicateOfExists` is looked up by the application, which can read the other procedure's stream. */
export type MarkProcedureDuplicate = Command<
  'MarkProcedureDuplicate',
  { duplicateOf: string; duplicateOfExists: boolean }
>;
/** `targetStatus` is the status of `into` as the application loaded it; null when there is no such procedure. */
export type MergeProcedure = Command<
  'MergeProcedure',
  { into: string; targetStatus: ProcedureStatus | null }
>;
export type AbolishProcedure = Command<'AbolishProcedure', NoData>;
export type ReinstateProcedure = Command<'ReinstateProcedure', NoData>;

export type ProcedureCommand =
  | RegisterProcedure
  | ActivateProcedure
  | AddRequirement
  | RemoveRequirement
  | ReplaceRequirement
  | AddStep
  | RemoveStep
  | ReorderSteps
  | ChangeDecisionTime
  | ChangeFee
  | ChangeLegalBasis
  | StartReview
  | FinishReview
  | MarkProcedureDuplicate
  | MergeProcedure
  | AbolishProcedure
  | ReinstateProcedure;

export type ProcedureCommandType = ProcedureCommand['type'];
