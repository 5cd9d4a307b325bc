/**
 * "In force" has one definition, the procedures context's: a scorecard counts as responsible exactly
 * the procedures the reform's metrics count. The two once drifted (scorecards counted drafts); this
 * spec folds the same history both ways and would have caught it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { collect } from '@redtape/event-store';
import {
  evolveProcedure,
  figuresOf,
  initialProcedureState,
  procedureStream,
  reformMetrics,
  type ProcedureEvent,
  type ProcedureState,
  type ProcedureStatus,
} from '@redtape/procedures-domain';
import { ProceduresHistory, type Owner } from './testing/procedures-history.js';
import { ReadModelFixture } from './testing/read-model-fixture.js';

const TOKMOK: Owner = { authorityId: 'mayors-office/tokmok', unitId: 'city/tokmok', level: 'CITY' };
const AT = '2025-02-01T03:00:00.000Z';

/** One Tokmok procedure left in each status the procedures context knows. */
const IN_EACH_STATUS: Readonly<Record<ProcedureStatus, string>> = {
  DRAFT: 'tokmok-draft',
  ACTIVE: 'tokmok-active',
  UNDER_REVIEW: 'tokmok-under-review',
  SIMPLIFIED: 'tokmok-simplified',
  MERGED: 'tokmok-merged',
  ABOLISHED: 'tokmok-abolished',
};

let fixture: ReadModelFixture;

beforeAll(async () => {
  fixture = new ReadModelFixture();
  await fixture.start();
  const procedures = new ProceduresHistory(fixture.store);
  for (const [status, id] of Object.entries(IN_EACH_STATUS))
    await procedures.register(id, TOKMOK, ['application'], 30, AT, { asDraft: status === 'DRAFT' });
  await procedures.startReview(IN_EACH_STATUS.UNDER_REVIEW, AT);
  await procedures.startReview(IN_EACH_STATUS.SIMPLIFIED, AT);
  await procedures.finishReview(IN_EACH_STATUS.SIMPLIFIED, 'SIMPLIFIED', AT);
  await procedures.merge(IN_EACH_STATUS.MERGED, IN_EACH_STATUS.ACTIVE, 'ACTIVE', AT);
  await fixture.caughtUp(await procedures.abolish(IN_EACH_STATUS.ABOLISHED, AT));
});

afterAll(() => fixture.dispose());

/** The procedure as the procedures context folds it from the same events. */
async function asTheProceduresContextSeesIt(procedureId: string) {
  const recorded = await collect(fixture.store.readStream(procedureStream(procedureId)));
  const state = recorded.reduce<ProcedureState>(
    (before, event) => evolveProcedure(before, { type: event.type, data: event.data } as ProcedureEvent),
    initialProcedureState(),
  );
  if (state.status !== 'registered') throw new Error(`${procedureId} was not registered`);
  return state.procedure;
}

describe('which procedures a unit answers for', () => {
  it('are, in every status, exactly those the reform’s metrics count as in force', async () => {
    const documents = await Promise.all(Object.values(IN_EACH_STATUS).map(asTheProceduresContextSeesIt));
    expect(documents.map((document) => document.status).sort()).toEqual(Object.keys(IN_EACH_STATUS).sort());

    const scorecard = await fixture.queries.scorecardOfUnit([TOKMOK.unitId]);

    expect(scorecard.proceduresResponsible).toBe(reformMetrics(documents.map(figuresOf)).activeProcedures);
    expect(scorecard.proceduresResponsible).toBe(3);
  });
});
