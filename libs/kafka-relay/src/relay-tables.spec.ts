import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { openSqliteReadModels } from '@redtape/projections';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  commitRelayCheckpoint,
  ensureRelayTables,
  readRelayCheckpoint,
  readRelayLease,
  releaseLease,
  renewLease,
  tryAcquireLease,
  type RelayDatabase,
} from './relay-tables.js';

const LEASE = 'redtape.cases.events.v1';
const T0 = Date.parse('2025-03-01T08:00:00.000Z');
const LEASE_MS = 10_000;

let directory: string;
let databases: RelayDatabase[];

function open(): RelayDatabase {
  const db = openSqliteReadModels(join(directory, 'read-models.db'));
  databases.push(db);
  return db;
}

beforeEach(async () => {
  directory = mkdtempSync(join(tmpdir(), 'redtape-relay-tables-'));
  databases = [];
  await ensureRelayTables(open());
});

afterEach(async () => {
  for (const db of databases) await db.destroy();
  rmSync(directory, { recursive: true, force: true });
});

describe('the relay lease', () => {
  it('goes to the first replica; the others are refused until it expires, then one takes it over', async () => {
    const db = open();
    expect(await tryAcquireLease(db, LEASE, 'a', T0, LEASE_MS)).toBe(true);
    expect(await tryAcquireLease(db, LEASE, 'b', T0 + LEASE_MS - 1, LEASE_MS)).toBe(false);
    expect(await readRelayLease(db, LEASE)).toEqual({ holder: 'a', expiresAt: T0 + LEASE_MS });

    expect(await tryAcquireLease(db, LEASE, 'b', T0 + LEASE_MS, LEASE_MS)).toBe(true);
    expect(await readRelayLease(db, LEASE)).toEqual({ holder: 'b', expiresAt: T0 + 2 * LEASE_MS });
    expect(await renewLease(db, LEASE, 'a', T0 + LEASE_MS + 1, LEASE_MS)).toBe(false);
  });

  it('is renewed by its holder, even past its expiry while nobody took it', async () => {
    const db = open();
    await tryAcquireLease(db, LEASE, 'a', T0, LEASE_MS);
    expect(await renewLease(db, LEASE, 'a', T0 + 3 * LEASE_MS, LEASE_MS)).toBe(true);
    expect(await tryAcquireLease(db, LEASE, 'b', T0 + 3 * LEASE_MS + 1, LEASE_MS)).toBe(false);
  });

  it('can be taken at once after its holder released it', async () => {
    const db = open();
    await tryAcquireLease(db, LEASE, 'a', T0, LEASE_MS);
    await releaseLease(db, LEASE, 'b');
    expect(await tryAcquireLease(db, LEASE, 'b', T0 + 1, LEASE_MS)).toBe(false);
    await releaseLease(db, LEASE, 'a');
    expect(await tryAcquireLease(db, LEASE, 'b', T0 + 1, LEASE_MS)).toBe(true);
  });

  it('goes to exactly one of several replicas racing for it on separate connections', async () => {
    const replicas = ['a', 'b', 'c', 'd', 'e'].map((holder) => ({ holder, db: open() }));
    const won = await Promise.all(
      replicas.map(({ holder, db }) => tryAcquireLease(db, LEASE, holder, T0, LEASE_MS)),
    );
    expect(won.filter(Boolean)).toHaveLength(1);
    expect((await readRelayLease(open(), LEASE))?.holder).toBe(replicas[won.indexOf(true)]?.holder);
  });
});

describe('the relay checkpoint', () => {
  it('is written only by the holder of the lease, and keeps 64-bit positions exactly', async () => {
    const db = open();
    const big = 2n ** 63n - 1n;
    await tryAcquireLease(db, LEASE, 'a', T0, LEASE_MS);
    expect(await readRelayCheckpoint(db, LEASE)).toBeUndefined();

    expect(await commitRelayCheckpoint(db, LEASE, 'a', big, new Date(T0 + 1), LEASE_MS)).toBe(true);
    expect(await commitRelayCheckpoint(db, LEASE, 'b', 5n, new Date(T0 + 2), LEASE_MS)).toBe(false);

    expect(await readRelayCheckpoint(db, LEASE)).toBe(big);
    expect(await readRelayLease(db, LEASE)).toEqual({ holder: 'a', expiresAt: T0 + 1 + LEASE_MS });
  });
});
