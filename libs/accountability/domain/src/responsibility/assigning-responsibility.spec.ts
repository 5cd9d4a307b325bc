import { describe, it } from '@jest/globals';
import { deciderSpec } from '@redtape/event-sourcing/testing';
import type { ResponsibilityAssigned } from '../accountability-events.js';
import { OfficialNotInOffice } from '../errors/rule-errors.js';
import { InvalidId, InvalidLocalDate } from '../errors/value-errors.js';
import { command } from '../testing/accountability-fixtures.js';
import { responsibilityDecider } from './responsibility-decider.js';
import {
  ResponsibilityForAnotherProcedure,
  ResponsibilityOutsideUnitChain,
} from './responsibility-errors.js';

const spec = deciderSpec(responsibilityDecider);

const NOOKAT_ANCESTRY = ['district/nookat', 'region/osh', 'country/kg'];

const assign = (
  officialId: string,
  officialIsInOffice = true,
  procedureId = 'nookat-trade-permit',
  officialUnitIds: string[] = ['district/nookat'],
) =>
  command('AssignProcedureResponsibility', {
    procedureId,
    officialId,
    assignedOn: '2026-02-12',
    officialIsInOffice,
    officialUnitIds,
    procedureUnitAncestry: NOOKAT_ANCESTRY,
  });

const assigned = (officialId: string, previousOfficialId: string | null = null): ResponsibilityAssigned => ({
  type: 'ResponsibilityAssigned',
  data: {
    subject: 'PROCEDURE',
    subjectId: 'nookat-trade-permit',
    officialId,
    assignedOn: '2026-02-12',
    previousOfficialId,
  },
});

describe('assigning responsibility for a procedure', () => {
  it('makes an official in office responsible instead of the head of the owning authority', () =>
    spec
      .given([])
      .when(assign('deputy-akim-nookat'))
      .then([assigned('deputy-akim-nookat')]));

  it('hands responsibility on, naming the official who had it', () =>
    spec
      .given([assigned('deputy-akim-nookat')])
      .when(assign('akim-nookat'))
      .then([assigned('akim-nookat', 'deputy-akim-nookat')]));

  it('changes nothing when the responsible official is assigned again', () =>
    spec
      .given([assigned('deputy-akim-nookat')])
      .when(assign('deputy-akim-nookat'))
      .thenNothing());

  it('refuses an official who is not in office (or unknown)', () =>
    spec
      .given([])
      .when(assign('former-akim-nookat', false))
      .thenThrows(OfficialNotInOffice, { code: 'BAD_USER_INPUT', officialId: 'former-akim-nookat' }));

  it('refuses to hand responsibility on to an official who is not in office', () =>
    spec
      .given([assigned('deputy-akim-nookat')])
      .when(assign('akim-nookat', false))
      .thenThrows(OfficialNotInOffice));

  it('makes an official of a unit above the procedure’s responsible, such as the region’s governor', () =>
    spec
      .given([])
      .when(assign('governor-osh', true, 'nookat-trade-permit', ['region/osh']))
      .then([assigned('governor-osh')]));

  it('refuses an official of another unit: Naryn’s mayor cannot answer for Nookat’s procedure', () =>
    spec
      .given([])
      .when(assign('mayor-naryn', true, 'nookat-trade-permit', ['city/naryn']))
      .thenThrows(ResponsibilityOutsideUnitChain, {
        code: 'BAD_USER_INPUT',
        officialId: 'mayor-naryn',
        procedureUnitId: 'district/nookat',
      }));

  it('refuses a command for another procedure sent to this stream', () =>
    spec
      .given([assigned('deputy-akim-nookat')])
      .when(assign('akim-nookat', true, 'talas-trade-permit'))
      .thenThrows(ResponsibilityForAnotherProcedure, {
        code: 'BAD_USER_INPUT',
        procedureId: 'nookat-trade-permit',
        givenProcedureId: 'talas-trade-permit',
      }));

  it('refuses an official id that is not an id', () =>
    spec.given([]).when(assign('akim nookat')).thenThrows(InvalidId, { field: 'officialId' }));

  it('refuses an invalid date', () =>
    spec
      .given([])
      .when(
        command('AssignProcedureResponsibility', {
          procedureId: 'nookat-trade-permit',
          officialId: 'akim-nookat',
          assignedOn: '12.02.2026',
          officialIsInOffice: true,
        }),
      )
      .thenThrows(InvalidLocalDate, { field: 'assignedOn' }));
});
