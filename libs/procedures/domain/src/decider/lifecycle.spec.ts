import { describe, it } from '@jest/globals';
import { deciderSpec } from '@redtape/event-sourcing/testing';
import {
  DuplicateTargetMissing,
  MergedProcedureCannotBeReinstated,
  MergeTargetUnavailable,
  ProcedureClosed,
  ProcedureReferencesItself,
  ProcedureStatusForbidsCommand,
} from '../errors/procedure-errors.js';
import { InvalidId, InvalidReviewOutcome } from '../errors/value-errors.js';
import type { ProcedureEvent, ProcedureStatus } from '../procedure-events.js';
import {
  abolished,
  activated,
  command,
  markedDuplicate,
  merged,
  registered,
  reinstated,
  reviewFinished,
  reviewStarted,
} from '../testing/procedure-fixtures.js';
import { procedureDecider } from './procedure-decider.js';

const spec = deciderSpec(procedureDecider);

const draft = registered({ status: 'DRAFT' });
/** Histories that leave the procedure in each status. */
const HISTORY: Readonly<Record<ProcedureStatus, readonly ProcedureEvent[]>> = {
  DRAFT: [draft],
  ACTIVE: [registered()],
  UNDER_REVIEW: [registered(), reviewStarted()],
  SIMPLIFIED: [registered(), reviewStarted(), reviewFinished('SIMPLIFIED')],
  MERGED: [registered(), merged()],
  ABOLISHED: [registered(), abolished()],
};

const activate = command('ActivateProcedure', {});
const startReview = command('StartReview', {});
const finishReview = (outcome: 'SIMPLIFIED' | 'ACTIVE') => command('FinishReview', { outcome });
const markDuplicate = (duplicateOf: string, duplicateOfExists = true) =>
  command('MarkProcedureDuplicate', { duplicateOf, duplicateOfExists });
const merge = (into: string, targetStatus: ProcedureStatus | null = 'ACTIVE') =>
  command('MergeProcedure', { into, targetStatus });
const abolish = command('AbolishProcedure', {});
const reinstate = command('ReinstateProcedure', {});

describe('activating a procedure', () => {
  it('activates a draft', () => spec.given([draft]).when(activate).then([activated]));

  it.each<ProcedureStatus>(['ACTIVE', 'UNDER_REVIEW', 'SIMPLIFIED'])(
    'refuses to activate a procedure that is %s',
    (status) =>
      spec
        .given(HISTORY[status])
        .when(activate)
        .thenThrows(ProcedureStatusForbidsCommand, {
          code: 'BAD_USER_INPUT',
          action: 'ActivateProcedure',
          status,
          allowedStatuses: ['DRAFT'],
        }),
  );
});

describe('reviewing a procedure', () => {
  it('starts a review of an active procedure', () =>
    spec
      .given(HISTORY.ACTIVE)
      .when(startReview)
      .then([reviewStarted('ACTIVE')]));

  it('starts another review of a procedure simplified before', () =>
    spec
      .given(HISTORY.SIMPLIFIED)
      .when(startReview)
      .then([reviewStarted('SIMPLIFIED')]));

  it.each<ProcedureStatus>(['DRAFT', 'UNDER_REVIEW'])(
    'refuses to start a review of a procedure that is %s',
    (status) =>
      spec
        .given(HISTORY[status])
        .when(startReview)
        .thenThrows(ProcedureStatusForbidsCommand, {
          code: 'BAD_USER_INPUT',
          status,
          allowedStatuses: ['ACTIVE', 'SIMPLIFIED'],
        }),
  );

  it('finishes a review that cut something as SIMPLIFIED', () =>
    spec
      .given(HISTORY.UNDER_REVIEW)
      .when(finishReview('SIMPLIFIED'))
      .then([reviewFinished('SIMPLIFIED')]));

  it('finishes a review that left the procedure as it was as ACTIVE', () =>
    spec
      .given(HISTORY.UNDER_REVIEW)
      .when(finishReview('ACTIVE'))
      .then([reviewFinished('ACTIVE')]));

  it.each<ProcedureStatus>(['DRAFT', 'ACTIVE', 'SIMPLIFIED'])(
    'refuses to finish a review of a procedure that is %s',
    (status) =>
      spec
        .given(HISTORY[status])
        .when(finishReview('SIMPLIFIED'))
        .thenThrows(ProcedureStatusForbidsCommand, { status, allowedStatuses: ['UNDER_REVIEW'] }),
  );

  it('refuses an outcome other than SIMPLIFIED or ACTIVE', () =>
    spec
      .given(HISTORY.UNDER_REVIEW)
      .when(finishReview('ABOLISHED' as 'ACTIVE'))
      .thenThrows(InvalidReviewOutcome, { code: 'BAD_USER_INPUT', outcome: 'ABOLISHED' }));
});

describe('marking a procedure as a duplicate', () => {
  it('records which procedure it duplicates', () =>
    spec
      .given(HISTORY.ACTIVE)
      .when(markDuplicate('talas-trade-permit'))
      .then([markedDuplicate('talas-trade-permit')]));

  it('marks a procedure under review, where duplicates are found', () =>
    spec
      .given(HISTORY.UNDER_REVIEW)
      .when(markDuplicate('talas-trade-permit'))
      .then([markedDuplicate('talas-trade-permit')]));

  it('appends nothing when it is marked as a duplicate of the same procedure again', () =>
    spec
      .given([...HISTORY.ACTIVE, markedDuplicate('talas-trade-permit')])
      .when(markDuplicate('talas-trade-permit'))
      .thenNothing());

  it('records a correction to another procedure it duplicates', () =>
    spec
      .given([...HISTORY.ACTIVE, markedDuplicate('talas-trade-permit')])
      .when(markDuplicate('osh-trade-permit'))
      .then([markedDuplicate('osh-trade-permit')]));

  it('refuses a procedure that does not exist', () =>
    spec
      .given(HISTORY.ACTIVE)
      .when(markDuplicate('talas-trade-permit', false))
      .thenThrows(DuplicateTargetMissing, { code: 'BAD_USER_INPUT', duplicateOf: 'talas-trade-permit' }));

  it('refuses to mark a procedure as a duplicate of itself', () =>
    spec
      .given(HISTORY.ACTIVE)
      .when(markDuplicate('nookat-trade-permit'))
      .thenThrows(ProcedureReferencesItself, {
        code: 'BAD_USER_INPUT',
        action: 'MarkProcedureDuplicate',
        procedureId: 'nookat-trade-permit',
      }));

  it('refuses a procedure id that is not a slug', () =>
    spec
      .given(HISTORY.ACTIVE)
      .when(markDuplicate('talas trade permit'))
      .thenThrows(InvalidId, { field: 'duplicateOf' }));
});

describe('merging a procedure into another', () => {
  it.each<ProcedureStatus>(['DRAFT', 'ACTIVE', 'UNDER_REVIEW', 'SIMPLIFIED'])(
    'merges a procedure that is %s, recording the status it had',
    (status) =>
      spec
        .given(HISTORY[status])
        .when(merge('osh-trade-permit'))
        .then([merged('osh-trade-permit', status)]),
  );

  it('merges into a procedure that was simplified, which is in force', () =>
    spec
      .given(HISTORY.ACTIVE)
      .when(merge('osh-trade-permit', 'SIMPLIFIED'))
      .then([merged('osh-trade-permit', 'ACTIVE')]));

  it('refuses a target that does not exist', () =>
    spec
      .given(HISTORY.ACTIVE)
      .when(merge('osh-trade-permit', null))
      .thenThrows(MergeTargetUnavailable, {
        code: 'BAD_USER_INPUT',
        into: 'osh-trade-permit',
        targetStatus: null,
        message:
          'cannot merge into osh-trade-permit: the target must exist and be ACTIVE (or SIMPLIFIED), ' +
          'but there is no such procedure',
      }));

  it.each<ProcedureStatus>(['DRAFT', 'UNDER_REVIEW', 'MERGED', 'ABOLISHED'])(
    'refuses a target that is %s',
    (targetStatus) =>
      spec
        .given(HISTORY.ACTIVE)
        .when(merge('osh-trade-permit', targetStatus))
        .thenThrows(MergeTargetUnavailable, { code: 'BAD_USER_INPUT', targetStatus }),
  );

  it('refuses to merge a procedure into itself', () =>
    spec
      .given(HISTORY.ACTIVE)
      .when(merge('nookat-trade-permit'))
      .thenThrows(ProcedureReferencesItself, { code: 'BAD_USER_INPUT', action: 'MergeProcedure' }));

  it('refuses a target id that is not a slug', () =>
    spec.given(HISTORY.ACTIVE).when(merge('')).thenThrows(InvalidId, { field: 'into' }));

  it('refuses to merge a procedure merged before, naming where it went', () =>
    spec
      .given(HISTORY.MERGED)
      .when(merge('talas-trade-permit'))
      .thenThrows(ProcedureClosed, { status: 'MERGED', mergedInto: 'osh-trade-permit' }));
});

describe('abolishing a procedure', () => {
  it.each<ProcedureStatus>(['DRAFT', 'ACTIVE', 'UNDER_REVIEW', 'SIMPLIFIED'])(
    'abolishes a procedure that is %s, recording the status it had',
    (status) =>
      spec
        .given(HISTORY[status])
        .when(abolish)
        .then([abolished(status)]),
  );

  it('refuses to abolish a procedure abolished before', () =>
    spec
      .given(HISTORY.ABOLISHED)
      .when(abolish)
      .thenThrows(ProcedureClosed, { code: 'BAD_USER_INPUT', status: 'ABOLISHED' }));
});

describe('reinstating a procedure', () => {
  it('reinstates an abolished procedure as ACTIVE', () =>
    spec.given(HISTORY.ABOLISHED).when(reinstate).then([reinstated]));

  it('reinstates a procedure abolished as a draft as ACTIVE', () =>
    spec
      .given([draft, abolished('DRAFT')])
      .when(reinstate)
      .then([reinstated]));

  it('lets a reinstated procedure change again', () =>
    spec
      .given([...HISTORY.ABOLISHED, reinstated])
      .when(command('ChangeDecisionTime', { days: 10 }))
      .then([{ type: 'DecisionTimeChanged', data: { from: 30, to: 10 } }]));

  it('refuses to reinstate a merged procedure', () =>
    spec.given(HISTORY.MERGED).when(reinstate).thenThrows(MergedProcedureCannotBeReinstated, {
      code: 'BAD_USER_INPUT',
      procedureId: 'nookat-trade-permit',
      mergedInto: 'osh-trade-permit',
    }));

  it.each<ProcedureStatus>(['DRAFT', 'ACTIVE', 'UNDER_REVIEW', 'SIMPLIFIED'])(
    'refuses to reinstate a procedure that is %s',
    (status) =>
      spec
        .given(HISTORY[status])
        .when(reinstate)
        .thenThrows(ProcedureStatusForbidsCommand, {
          code: 'BAD_USER_INPUT',
          status,
          allowedStatuses: ['ABOLISHED'],
        }),
  );
});
