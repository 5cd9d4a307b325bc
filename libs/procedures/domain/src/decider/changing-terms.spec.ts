import { describe, it } from '@jest/globals';
import { deciderSpec } from '@redtape/event-sourcing/testing';
import { InvalidDecisionTime, InvalidFee, TextTooLong } from '../errors/value-errors.js';
import type { Money } from '../procedure-events.js';
import { command, registered } from '../testing/procedure-fixtures.js';
import { procedureDecider } from './procedure-decider.js';

const spec = deciderSpec(procedureDecider);

const som = (amount: number): Money => ({ tyiyn: amount * 100, currency: 'KGS' });
const changeDecisionTime = (days: number) => command('ChangeDecisionTime', { days });
const changeFee = (fee: Money | null) => command('ChangeFee', { fee });
const changeLegalBasis = (legalBasis: string | null) => command('ChangeLegalBasis', { legalBasis });

describe('changing the decision time', () => {
  it('records the old and new decision time', () =>
    spec
      .given([registered({ decisionDays: 30 })])
      .when(changeDecisionTime(15))
      .then([{ type: 'DecisionTimeChanged', data: { from: 30, to: 15 } }]));

  it('takes the old decision time from the latest change', () =>
    spec
      .given([registered({ decisionDays: 30 }), { type: 'DecisionTimeChanged', data: { from: 30, to: 15 } }])
      .when(changeDecisionTime(5))
      .then([{ type: 'DecisionTimeChanged', data: { from: 15, to: 5 } }]));

  it('appends nothing when the decision time stays the same', () =>
    spec
      .given([registered({ decisionDays: 30 })])
      .when(changeDecisionTime(30))
      .thenNothing());

  it.each([0, -1, 1.5, Number.POSITIVE_INFINITY])('refuses a decision time of %p days', (days) =>
    spec
      .given([registered()])
      .when(changeDecisionTime(days))
      .thenThrows(InvalidDecisionTime, { code: 'BAD_USER_INPUT', days }),
  );
});

describe('changing the fee', () => {
  it('records the old and new fee', () =>
    spec
      .given([registered({ fee: som(500) })])
      .when(changeFee(som(200)))
      .then([{ type: 'FeeChanged', data: { from: som(500), to: som(200) } }]));

  it('drops the fee', () =>
    spec
      .given([registered({ fee: som(500) })])
      .when(changeFee(null))
      .then([{ type: 'FeeChanged', data: { from: som(500), to: null } }]));

  it('sets a fee on a procedure that had none', () =>
    spec
      .given([registered({ fee: null })])
      .when(changeFee({ tyiyn: 15_050, currency: 'KGS' }))
      .then([{ type: 'FeeChanged', data: { from: null, to: { tyiyn: 15_050, currency: 'KGS' } } }]));

  it('makes a procedure free of charge (0 tyiyn), which is not the same as stating no fee', () =>
    spec
      .given([registered({ fee: null })])
      .when(changeFee(som(0)))
      .then([{ type: 'FeeChanged', data: { from: null, to: som(0) } }]));

  it('appends nothing when the fee stays the same', () =>
    spec
      .given([registered({ fee: som(500) })])
      .when(changeFee(som(500)))
      .thenNothing());

  it('appends nothing when there was no fee and there is still none', () =>
    spec
      .given([registered({ fee: null })])
      .when(changeFee(null))
      .thenNothing());

  it('refuses a fee in fractions of a tyiyn', () =>
    spec
      .given([registered()])
      .when(changeFee({ tyiyn: 0.5, currency: 'KGS' }))
      .thenThrows(InvalidFee, { code: 'BAD_USER_INPUT', field: 'fee.tyiyn' }));

  it('refuses a negative fee', () =>
    spec
      .given([registered()])
      .when(changeFee({ tyiyn: -1, currency: 'KGS' }))
      .thenThrows(InvalidFee, { field: 'fee.tyiyn' }));

  it('refuses a fee in another currency', () =>
    spec
      .given([registered()])
      .when(changeFee({ tyiyn: 100, currency: 'EUR' as 'KGS' }))
      .thenThrows(InvalidFee, { field: 'fee.currency' }));
});

describe('changing the legal basis', () => {
  it('records the old and new legal basis', () =>
    spec
      .given([registered({ legalBasis: 'Decision No. 12' })])
      .when(changeLegalBasis('Law No. 45 on permits, article 7'))
      .then([
        {
          type: 'LegalBasisChanged',
          data: { from: 'Decision No. 12', to: 'Law No. 45 on permits, article 7' },
        },
      ]));

  it('clears the legal basis with null or a blank text', () =>
    spec
      .given([registered({ legalBasis: 'Decision No. 12' })])
      .when(changeLegalBasis('  '))
      .then([{ type: 'LegalBasisChanged', data: { from: 'Decision No. 12', to: null } }]));

  it('appends nothing when the legal basis stays the same, white space aside', () =>
    spec
      .given([registered({ legalBasis: 'Decision No. 12' })])
      .when(changeLegalBasis(' Decision No. 12 '))
      .thenNothing());

  it('appends nothing when there was none and there is still none', () =>
    spec
      .given([registered({ legalBasis: null })])
      .when(changeLegalBasis(null))
      .thenNothing());

  it('refuses a legal basis longer than 2000 characters', () =>
    spec
      .given([registered()])
      .when(changeLegalBasis('a'.repeat(2001)))
      .thenThrows(TextTooLong, { code: 'BAD_USER_INPUT', field: 'legalBasis', maxLength: 2000 }));
});
