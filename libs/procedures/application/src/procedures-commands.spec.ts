/**
 * The procedures' application layer on its own: no Nest, no HTTP, the real SQLite event store and
 * read models. What a resolver would call, called directly.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Principal } from '@redtape/auth';
import { ReadModelFixture } from '@redtape/procedures-read-model/testing';
import { RegionsHistory } from '@redtape/regions-mirror/testing';
import { GraphQLError } from 'graphql';
import { ProceduresCommands, type RegisterRequest } from './procedures-commands.js';

const mayorOfTokmok: Principal = {
  subject: 'mayor-tokmok',
  name: 'Mayor of Tokmok',
  role: 'official',
  unitId: 'city/tokmok',
};

const streetTrade: RegisterRequest = {
  commandId: 'register-street-trade',
  authorityId: 'mayors-office/tokmok',
  title: 'Permit for street trade',
  category: 'licensing',
  requirements: [{ name: 'Application', originals: 1, copies: 0 }],
  steps: [{ description: 'Submit the application', office: 'Front desk' }],
  decisionDays: 30,
  asDraft: false,
};

let fixture: ReadModelFixture;
let commands: ProceduresCommands;

beforeEach(async () => {
  fixture = new ReadModelFixture();
  await fixture.start();
  await new RegionsHistory(fixture.store).registerMap();
  await fixture.caughtUp();
  commands = new ProceduresCommands(
    fixture.store,
    fixture.regions,
    { waitFor: (position) => fixture.caughtUp(position) },
    () => new Date('2026-02-01T05:00:00Z'),
  );
});

afterEach(() => fixture.dispose());

describe('registering a procedure through the application layer', () => {
  it('given an official of the owning unit, when they register a procedure, then the read model already shows it', async () => {
    const procedureId = await commands.register(mayorOfTokmok, streetTrade);

    const stored = await fixture.queries.procedure(procedureId);
    expect(stored).toMatchObject({
      title: 'Permit for street trade',
      unitId: 'city/tokmok',
      status: 'ACTIVE',
    });
  });

  it('given a retried request, when it is sent again with the same command id, then the same procedure answers and nothing is added', async () => {
    const first = await commands.register(mayorOfTokmok, streetTrade);
    const again = await commands.register(mayorOfTokmok, streetTrade);

    expect(again).toBe(first);
    expect((await fixture.queries.procedure(first))?.revision).toBe(1);
  });

  it('given an official of another unit, when they register for Tokmok, then they are refused and nothing is stored', async () => {
    const akimOfNookat: Principal = { ...mayorOfTokmok, subject: 'akim-nookat', unitId: 'district/nookat' };

    const refusal = await commands.register(akimOfNookat, streetTrade).catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(GraphQLError);
    expect((refusal as GraphQLError).extensions['code']).toBe('FORBIDDEN');
    expect((await fixture.queries.procedures({ first: 10 })).totalCount).toBe(0);
  });
});
