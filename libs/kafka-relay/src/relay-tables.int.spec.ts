import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { openPostgresReadModels, openSqliteReadModels } from '@redtape/projections';
import {
  createTemporaryDatabase,
  postgresServer,
  type PostgresServer,
  type TemporaryDatabase,
} from '@redtape/testing';
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

let server: PostgresServer;

beforeAll(async () => {
  server = await postgresServer();
}, 120_000);
afterAll(async () => server.dispose());

describe.each(['sqlite', 'postgres'] as const)('on %s', (kind) => {
  let directory: string;
  let postgres: TemporaryDatabase | undefined;
  let databases: RelayDatabase[];

  // Every call is a connection of its own to the same database, as each replica has.
  async function open(): Promise<RelayDatabase> {
    const db = postgres
      ? await openPostgresReadModels(postgres.url, 'relay')
      : openSqliteReadModels(join(directory, 'read-models.db'));
    databases.push(db);
    return db;
  }

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'redtape-relay-tables-'));
    postgres = kind === 'postgres' ? await createTemporaryDatabase(server.url) : undefined;
    databases = [];
    await ensureRelayTables(await open());
  });

  afterEach(async () => {
    for (const db of databases) await db.destroy();
    await postgres?.drop();
    rmSync(directory, { recursive: true, force: true });
  });

  describe('the relay lease', () => {
    it('goes to the first replica; the others are refused until it expires, then one takes it over', async () => {
      const db = await open();
      expect(await tryAcquireLease(db, LEASE, 'a', T0, LEASE_MS)).toBe(true);
      expect(await tryAcquireLease(db, LEASE, 'b', T0 + LEASE_MS - 1, LEASE_MS)).toBe(false);
      expect(await readRelayLease(db, LEASE)).toEqual({ holder: 'a', expiresAt: T0 + LEASE_MS });

      expect(await tryAcquireLease(db, LEASE, 'b', T0 + LEASE_MS, LEASE_MS)).toBe(true);
      expect(await readRelayLease(db, LEASE)).toEqual({ holder: 'b', expiresAt: T0 + 2 * LEASE_MS });
      expect(await renewLease(db, LEASE, 'a', T0 + LEASE_MS + 1, LEASE_MS)).toBe(false);
    });

    it('is renewed by its holder, even past its expiry while nobody took it', async () => {
      const db = await open();
      await tryAcquireLease(db, LEASE, 'a', T0, LEASE_MS);
      expect(await renewLease(db, LEASE, 'a', T0 + 3 * LEASE_MS, LEASE_MS)).toBe(true);
      expect(await tryAcquireLease(db, LEASE, 'b', T0 + 3 * LEASE_MS + 1, LEASE_MS)).toBe(false);
    });

    it('can be taken at once after its holder released it', async () => {
      const db = await open();
      await tryAcquireLease(db, LEASE, 'a', T0, LEASE_MS);
      await releaseLease(db, LEASE, 'b');
      expect(await tryAcquireLease(db, LEASE, 'b', T0 + 1, LEASE_MS)).toBe(false);
      await releaseLease(db, LEASE, 'a');
      expect(await tryAcquireLease(db, LEASE, 'b', T0 + 1, LEASE_MS)).toBe(true);
    });

    it('goes to exactly one of several replicas racing for it on separate connections', async () => {
      const replicas = await Promise.all(
        ['a', 'b', 'c', 'd', 'e'].map(async (holder) => ({ holder, db: await open() })),
      );
      const won = await Promise.all(
        replicas.map(({ holder, db }) => tryAcquireLease(db, LEASE, holder, T0, LEASE_MS)),
      );
      expect(won.filter(Boolean)).toHaveLength(1);
      expect((await readRelayLease(await open(), LEASE))?.holder).toBe(replicas[won.indexOf(true)]?.holder);
    });
  });

  describe('the relay checkpoint', () => {
    it('is written only by the holder of the lease, and keeps 64-bit positions exactly', async () => {
      const db = await open();
      const big = 2n ** 63n - 1n;
      await tryAcquireLease(db, LEASE, 'a', T0, LEASE_MS);
      expect(await readRelayCheckpoint(db, LEASE)).toBeUndefined();

      expect(await commitRelayCheckpoint(db, LEASE, 'a', big, new Date(T0 + 1), LEASE_MS)).toBe(true);
      expect(await commitRelayCheckpoint(db, LEASE, 'b', 5n, new Date(T0 + 2), LEASE_MS)).toBe(false);

      expect(await readRelayCheckpoint(db, LEASE)).toBe(big);
      expect(await readRelayLease(db, LEASE)).toEqual({ holder: 'a', expiresAt: T0 + 1 + LEASE_MS });
    });
  });
});
