import { describe, expect, it } from '@jest/globals';
import type { ProcedureEvent } from '../procedure-events.js';
import {
  abolished,
  activated,
  apply,
  decide,
  documentAfter,
  inspect,
  leaseContract,
  markedDuplicate,
  merged,
  passportCopy,
  pay,
  registered,
  reinstated,
  reviewFinished,
  reviewStarted,
  taxCertificate,
  tradePermit,
} from '../testing/procedure-fixtures.js';
import { diffProcedures } from './diff-procedures.js';
import type { FieldChange } from './field-change.js';

/** The changes one event makes to the procedure these events left. */
const changesOf = (history: readonly ProcedureEvent[], event: ProcedureEvent): FieldChange[] =>
  diffProcedures(documentAfter(history), documentAfter([...history, event]));

const fewerCopies = { ...taxCertificate, originals: 0, copies: 1 };

describe('the changes between two versions of a procedure', () => {
  it('lists every field set at registration, in a fixed order', () =>
    expect(diffProcedures(null, documentAfter([registered()]))).toEqual([
      { field: 'procedureId', before: null, after: 'nookat-trade-permit' },
      { field: 'authorityId', before: null, after: 'district-akimat/nookat' },
      { field: 'unitId', before: null, after: 'district/nookat' },
      { field: 'level', before: null, after: 'DISTRICT' },
      { field: 'title', before: null, after: 'Permit for street trade' },
      { field: 'category', before: null, after: 'trade' },
      { field: 'status', before: null, after: 'ACTIVE' },
      { field: 'decisionDays', before: null, after: 30 },
      { field: 'fee', before: null, after: { tyiyn: 50_000, currency: 'KGS' } },
      { field: 'legalBasis', before: null, after: tradePermit.legalBasis },
      { field: 'requirements.passport-copy', before: null, after: passportCopy },
      { field: 'requirements.tax-certificate', before: null, after: taxCertificate },
      { field: 'steps.apply', before: null, after: apply },
      { field: 'steps.inspect', before: null, after: inspect },
      { field: 'steps.decide', before: null, after: decide },
    ]));

  it('leaves out of a registration the fields it does not set', () => {
    const fields = diffProcedures(
      null,
      documentAfter([registered({ fee: null, legalBasis: null, requirements: [], steps: [] })]),
    ).map((change) => change.field);
    expect(fields).toEqual([
      'procedureId',
      'authorityId',
      'unitId',
      'level',
      'title',
      'category',
      'status',
      'decisionDays',
    ]);
  });

  it('lists nothing when nothing changed', () =>
    expect(diffProcedures(documentAfter([registered()]), documentAfter([registered()]))).toEqual([]));

  it.each<[string, readonly ProcedureEvent[], ProcedureEvent, FieldChange[]]>([
    [
      'an activation',
      [registered({ status: 'DRAFT' })],
      activated,
      [{ field: 'status', before: 'DRAFT', after: 'ACTIVE' }],
    ],
    [
      'an added requirement',
      [registered()],
      { type: 'RequirementAdded', data: { requirement: leaseContract } },
      [{ field: 'requirements.lease-contract', before: null, after: leaseContract }],
    ],
    [
      'a removed requirement',
      [registered()],
      { type: 'RequirementRemoved', data: { requirementId: 'tax-certificate', name: taxCertificate.name } },
      [{ field: 'requirements.tax-certificate', before: taxCertificate, after: null }],
    ],
    [
      'a replaced requirement',
      [registered()],
      { type: 'RequirementReplaced', data: { before: taxCertificate, after: fewerCopies } },
      [{ field: 'requirements.tax-certificate', before: taxCertificate, after: fewerCopies }],
    ],
    [
      'an added step',
      [registered()],
      { type: 'StepAdded', data: { step: pay, position: 0 } },
      [{ field: 'steps.pay', before: null, after: pay }],
    ],
    [
      'a removed step',
      [registered()],
      { type: 'StepRemoved', data: { stepId: 'inspect', description: inspect.description } },
      [{ field: 'steps.inspect', before: inspect, after: null }],
    ],
    [
      'reordered steps',
      [registered()],
      {
        type: 'StepsReordered',
        data: { from: ['apply', 'inspect', 'decide'], to: ['apply', 'decide', 'inspect'] },
      },
      [
        {
          field: 'steps.order',
          before: ['apply', 'inspect', 'decide'],
          after: ['apply', 'decide', 'inspect'],
        },
      ],
    ],
    [
      'a changed decision time',
      [registered()],
      { type: 'DecisionTimeChanged', data: { from: 30, to: 10 } },
      [{ field: 'decisionDays', before: 30, after: 10 }],
    ],
    [
      'a changed fee',
      [registered()],
      { type: 'FeeChanged', data: { from: tradePermit.fee, to: { tyiyn: 20_000, currency: 'KGS' } } },
      [
        {
          field: 'fee',
          before: { tyiyn: 50_000, currency: 'KGS' },
          after: { tyiyn: 20_000, currency: 'KGS' },
        },
      ],
    ],
    [
      'a dropped fee',
      [registered()],
      { type: 'FeeChanged', data: { from: tradePermit.fee, to: null } },
      [{ field: 'fee', before: { tyiyn: 50_000, currency: 'KGS' }, after: null }],
    ],
    [
      'a changed legal basis',
      [registered()],
      { type: 'LegalBasisChanged', data: { from: tradePermit.legalBasis, to: 'Law No. 45' } },
      [{ field: 'legalBasis', before: tradePermit.legalBasis, after: 'Law No. 45' }],
    ],
    [
      'a review started',
      [registered()],
      reviewStarted(),
      [{ field: 'status', before: 'ACTIVE', after: 'UNDER_REVIEW' }],
    ],
    [
      'a review finished',
      [registered(), reviewStarted()],
      reviewFinished('SIMPLIFIED'),
      [{ field: 'status', before: 'UNDER_REVIEW', after: 'SIMPLIFIED' }],
    ],
    [
      'a procedure marked as a duplicate',
      [registered()],
      markedDuplicate('talas-trade-permit'),
      [{ field: 'duplicateOf', before: null, after: 'talas-trade-permit' }],
    ],
    [
      'a merge',
      [registered()],
      merged('osh-trade-permit'),
      [
        { field: 'status', before: 'ACTIVE', after: 'MERGED' },
        { field: 'mergedInto', before: null, after: 'osh-trade-permit' },
      ],
    ],
    [
      'an abolition',
      [registered()],
      abolished(),
      [{ field: 'status', before: 'ACTIVE', after: 'ABOLISHED' }],
    ],
    [
      'a reinstatement',
      [registered(), abolished()],
      reinstated,
      [{ field: 'status', before: 'ABOLISHED', after: 'ACTIVE' }],
    ],
  ])('lists what %s changed', (_what, history, event, expected) =>
    expect(changesOf(history, event)).toEqual(expected),
  );

  it('lists nothing for an event that leaves the document as it was', () =>
    expect(
      changesOf([registered(), markedDuplicate('talas-trade-permit')], markedDuplicate('talas-trade-permit')),
    ).toEqual([]));

  it('lists many changes between distant versions in the same fixed order', () => {
    const before = documentAfter([registered()]);
    const after = documentAfter([
      registered(),
      {
        type: 'StepsReordered',
        data: { from: ['apply', 'inspect', 'decide'], to: ['decide', 'apply', 'inspect'] },
      },
      { type: 'StepAdded', data: { step: pay, position: 1 } },
      { type: 'RequirementRemoved', data: { requirementId: 'passport-copy', name: passportCopy.name } },
      { type: 'RequirementAdded', data: { requirement: leaseContract } },
      { type: 'DecisionTimeChanged', data: { from: 30, to: 10 } },
      reviewStarted(),
    ]);
    expect(diffProcedures(before, after).map((change) => change.field)).toEqual([
      'status',
      'decisionDays',
      'requirements.passport-copy',
      'requirements.lease-contract',
      'steps.pay',
      'steps.order',
    ]);
    expect(diffProcedures(before, after).at(-1)).toEqual({
      field: 'steps.order',
      before: ['apply', 'inspect', 'decide'],
      after: ['decide', 'pay', 'apply', 'inspect'],
    });
  });

  it('lists no step order when steps were only added or removed', () => {
    const before = documentAfter([registered()]);
    const after = documentAfter([
      registered(),
      { type: 'StepAdded', data: { step: pay, position: 0 } },
      { type: 'StepRemoved', data: { stepId: 'inspect', description: inspect.description } },
    ]);
    expect(diffProcedures(before, after).map((change) => change.field)).toEqual([
      'steps.inspect',
      'steps.pay',
    ]);
  });

  it('gives plain JSON values that share nothing with the documents', () => {
    const after = documentAfter([registered()]);
    const changes = diffProcedures(null, after);
    expect(JSON.parse(JSON.stringify(changes))).toEqual(changes);
    const fee = changes.find((change) => change.field === 'fee');
    (fee?.after as { tyiyn: number }).tyiyn = 1;
    expect(after.fee).toEqual({ tyiyn: 50_000, currency: 'KGS' });
  });
});
