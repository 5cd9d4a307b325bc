import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@redtape/event-sourcing';
import * as procedures from './index.js';

describe('the public API of the procedures domain', () => {
  it('exports the published language, the decider and the helpers the services use', () =>
    expect(Object.keys(procedures)).toEqual(
      expect.arrayContaining([
        'PROCEDURE_EVENT_TYPES',
        'procedureStream',
        'procedureIdOfStream',
        'PROCEDURE_STREAMS',
        'PROCEDURE_STREAM_PREFIX',
        'initialProcedureState',
        'evolveProcedure',
        'procedureDecider',
        'diffProcedures',
        'nameSimilarity',
        'duplicateCandidates',
        'reformMetrics',
        'PROCEDURE_ACTIONS_BY_ROLE',
        'mayPerformOnProcedure',
      ]),
    ));

  it('exports every error class its rules throw, so that callers can tell them apart', () => {
    const errorClasses = Object.entries(procedures)
      .filter(([, value]) => typeof value === 'function' && value.prototype instanceof DomainError)
      .map(([name]) => name);
    expect(errorClasses.sort()).toEqual([
      'DuplicateRequirementId',
      'DuplicateRequirementName',
      'DuplicateStepId',
      'DuplicateTargetMissing',
      'InvalidDecisionTime',
      'InvalidDocumentCount',
      'InvalidFee',
      'InvalidGovernmentLevel',
      'InvalidId',
      'InvalidReviewOutcome',
      'InvalidSimilarityThreshold',
      'InvalidStepPosition',
      'MergeTargetUnavailable',
      'MergedProcedureCannotBeReinstated',
      'ProcedureAlreadyRegistered',
      'ProcedureClosed',
      'ProcedureNotRegistered',
      'ProcedureReferencesItself',
      'ProcedureStatusForbidsCommand',
      'ReasonRequired',
      'RequiredTextMissing',
      'RequirementAlreadyExists',
      'RequirementAsksForNothing',
      'RequirementNotFound',
      'StepAlreadyExists',
      'StepNotFound',
      'StepOrderNotAPermutation',
      'TextTooLong',
    ]);
  });
});
