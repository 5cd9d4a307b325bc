import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '@redtape/event-sourcing/testing';
import { ProcedureAlreadyRegistered } from '../errors/procedure-errors.js';
import { DuplicateRequirementId, DuplicateRequirementName } from '../errors/requirement-errors.js';
import { DuplicateStepId } from '../errors/step-errors.js';
import {
  InvalidDecisionTime,
  InvalidDocumentCount,
  InvalidFee,
  InvalidGovernmentLevel,
  InvalidId,
  RequiredTextMissing,
  RequirementAsksForNothing,
  TextTooLong,
} from '../errors/value-errors.js';
import type { GovernmentLevel, Money } from '../procedure-events.js';
import {
  activated,
  apply,
  decide,
  passportCopy,
  register,
  registered,
  reviewStarted,
  taxCertificate,
} from '../testing/procedure-fixtures.js';
import { procedureDecider } from './procedure-decider.js';

const spec = deciderSpec(procedureDecider);

describe('registering a procedure', () => {
  it('records a new procedure as ACTIVE with its requirements, steps, decision time, fee and legal basis', () =>
    spec.given([]).when(register()).then([registered()]));

  it('records it as a DRAFT when asked to', () =>
    spec
      .given([])
      .when(register({}, true))
      .then([registered({ status: 'DRAFT' })]));

  it('records it as ACTIVE when asDraft is false', () =>
    spec.given([]).when(register({}, false)).then([registered()]));

  it('needs no reason: registration is the first fact', () => {
    const withoutReason = register();
    expect(withoutReason.metadata.reason).toBeUndefined();
    spec.given([]).when(withoutReason).then([registered()]);
  });

  it('trims texts and records blank optional texts as null', () =>
    spec
      .given([])
      .when(
        register({
          title: '  Permit for street trade ',
          category: ' trade',
          legalBasis: '   ',
          requirements: [{ ...passportCopy, name: ' Copy of passport  ', note: '  ' }],
          steps: [{ ...apply, description: ' Submit the application ', office: ' ' }],
        }),
      )
      .then([
        registered({
          legalBasis: null,
          requirements: [passportCopy],
          steps: [{ ...apply, office: null }],
        }),
      ]));

  it('accepts a procedure without fee, legal basis, requirements or steps', () =>
    spec
      .given([])
      .when(register({ fee: null, legalBasis: null, requirements: [], steps: [] }))
      .then([registered({ fee: null, legalBasis: null, requirements: [], steps: [] })]));

  it('accepts a free procedure (a fee of 0 tyiyn)', () =>
    spec
      .given([])
      .when(register({ fee: { tyiyn: 0, currency: 'KGS' } }))
      .then([registered({ fee: { tyiyn: 0, currency: 'KGS' } })]));

  it('accepts a decision time of one day', () =>
    spec
      .given([])
      .when(register({ decisionDays: 1 }))
      .then([registered({ decisionDays: 1 })]));

  it('accepts a title of exactly 300 characters', () =>
    spec
      .given([])
      .when(register({ title: 'T'.repeat(300) }))
      .then([registered({ title: 'T'.repeat(300) })]));

  it('accepts ids of letters, digits, dots, dashes and underscores, and a UUID', () =>
    spec
      .given([])
      .when(
        register({
          procedureId: '3f2b8c1e-7d4a-4b5e-9c6f-0a1b2c3d4e5f',
          requirements: [{ ...passportCopy, requirementId: 'Req_01.a' }],
        }),
      )
      .then([
        registered({
          procedureId: '3f2b8c1e-7d4a-4b5e-9c6f-0a1b2c3d4e5f',
          requirements: [{ ...passportCopy, requirementId: 'Req_01.a' }],
        }),
      ]));

  describe('registering again', () => {
    it('appends nothing when the same procedure is registered again with the same data', () =>
      spec.given([registered()]).when(register()).thenNothing());

    it('appends nothing when the same data comes again after the procedure moved on in its lifecycle', () =>
      spec
        .given([registered({ status: 'DRAFT' }), activated, reviewStarted()])
        .when(register({}, true))
        .thenNothing());

    it('refuses to register a procedure again with other details, as a conflict', () =>
      spec
        .given([registered()])
        .when(register({ decisionDays: 15 }))
        .thenThrows(ProcedureAlreadyRegistered, { code: 'CONFLICT', procedureId: 'nookat-trade-permit' }));

    it('refuses a repeated registration once the procedure has changed since', () =>
      spec
        .given([registered(), { type: 'DecisionTimeChanged', data: { from: 30, to: 10 } }])
        .when(register())
        .thenThrows(ProcedureAlreadyRegistered, { code: 'CONFLICT' }));
  });

  describe('refusing malformed procedures', () => {
    it.each([
      ['an empty id', ''],
      ['an id with a space', 'trade permit'],
      ['an id starting with a dash', '-trade-permit'],
      ['an id with letters outside a-z', 'tüp-permit'],
      ['an id with a slash', 'district/nookat'],
      ['an id longer than 100 characters', 'x'.repeat(101)],
    ])('refuses %s as procedure id', (_what, procedureId) =>
      spec
        .given([])
        .when(register({ procedureId }))
        .thenThrows(InvalidId, { code: 'BAD_USER_INPUT', field: 'procedureId', value: procedureId }),
    );

    it('accepts a procedure id of 100 characters', () =>
      spec
        .given([])
        .when(register({ procedureId: 'x'.repeat(100) }))
        .then([registered({ procedureId: 'x'.repeat(100) })]));

    it.each(['title', 'category', 'authorityId', 'unitId'] as const)('refuses a blank %s', (field) =>
      spec
        .given([])
        .when(register({ [field]: '   ' }))
        .thenThrows(RequiredTextMissing, { code: 'BAD_USER_INPUT', field }),
    );

    it('refuses a title longer than 300 characters', () =>
      spec
        .given([])
        .when(register({ title: 'T'.repeat(301) }))
        .thenThrows(TextTooLong, { code: 'BAD_USER_INPUT', field: 'title', length: 301, maxLength: 300 }));

    it('refuses an unknown level of government', () =>
      spec
        .given([])
        .when(register({ level: 'VILLAGE' as GovernmentLevel }))
        .thenThrows(InvalidGovernmentLevel, { code: 'BAD_USER_INPUT', level: 'VILLAGE' }));

    it.each([0, -3, 2.5, Number.NaN])('refuses a decision time of %p days', (decisionDays) =>
      spec
        .given([])
        .when(register({ decisionDays }))
        .thenThrows(InvalidDecisionTime, { code: 'BAD_USER_INPUT' }),
    );

    it.each<[string, Money, string]>([
      ['a negative fee', { tyiyn: -100, currency: 'KGS' }, 'fee.tyiyn'],
      ['a fee in fractions of a tyiyn', { tyiyn: 10.5, currency: 'KGS' }, 'fee.tyiyn'],
      ['a fee in another currency', { tyiyn: 100, currency: 'USD' as 'KGS' }, 'fee.currency'],
    ])('refuses %s', (_what, fee, field) =>
      spec.given([]).when(register({ fee })).thenThrows(InvalidFee, { code: 'BAD_USER_INPUT', field }),
    );

    it('refuses two requirements whose names differ only in case, spacing and punctuation', () =>
      spec
        .given([])
        .when(
          register({
            requirements: [
              passportCopy,
              { ...taxCertificate, requirementId: 'passport-2', name: 'COPY OF  passport.' },
            ],
          }),
        )
        .thenThrows(DuplicateRequirementName, {
          code: 'BAD_USER_INPUT',
          requirementId: 'passport-2',
          existingRequirementId: 'passport-copy',
        }));

    it('refuses two requirements with the same id', () =>
      spec
        .given([])
        .when(
          register({ requirements: [passportCopy, { ...taxCertificate, requirementId: 'passport-copy' }] }),
        )
        .thenThrows(DuplicateRequirementId, { code: 'BAD_USER_INPUT', requirementId: 'passport-copy' }));

    it('refuses two steps with the same id', () =>
      spec
        .given([])
        .when(register({ steps: [apply, { ...decide, stepId: 'apply' }] }))
        .thenThrows(DuplicateStepId, { code: 'BAD_USER_INPUT', stepId: 'apply' }));

    it('refuses a requirement that asks for no original and no copy', () =>
      spec
        .given([])
        .when(register({ requirements: [{ ...passportCopy, originals: 0, copies: 0 }] }))
        .thenThrows(RequirementAsksForNothing, { code: 'BAD_USER_INPUT', requirementId: 'passport-copy' }));

    it('refuses a negative or fractional number of copies, naming the requirement field', () =>
      spec
        .given([])
        .when(register({ requirements: [passportCopy, { ...taxCertificate, copies: 1.5 }] }))
        .thenThrows(InvalidDocumentCount, { code: 'BAD_USER_INPUT', field: 'requirements[1].copies' }));

    it('refuses a requirement without a name', () =>
      spec
        .given([])
        .when(register({ requirements: [{ ...passportCopy, name: ' ' }] }))
        .thenThrows(RequiredTextMissing, { field: 'requirements[0].name' }));

    it('refuses a step with an invalid id', () =>
      spec
        .given([])
        .when(register({ steps: [{ ...apply, stepId: 'step one' }] }))
        .thenThrows(InvalidId, { field: 'steps[0].stepId' }));

    it('refuses a step description longer than 300 characters', () =>
      spec
        .given([])
        .when(register({ steps: [{ ...apply, description: 'd'.repeat(301) }] }))
        .thenThrows(TextTooLong, { field: 'steps[0].description' }));
  });
});
