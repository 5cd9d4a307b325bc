import { afterAll, beforeAll, describe } from '@jest/globals';
import { eventStoreContract } from '../testing/event-store.contract.js';
import {
  NEEDS_KURRENTDB,
  kurrentDbAvailability,
  openKurrentDbStore,
  startKurrentDb,
  type KurrentDbServer,
} from '../testing/kurrentdb-server.js';

// The contract against a real KurrentDB: KURRENTDB_URL when set, else a container of the pinned image
// when a Docker engine answers. Without either the suite is skipped, loudly, under the one reason the
// test runner accepts in CI.
const availability = await kurrentDbAvailability();
if (availability.via === 'none')
  process.stderr.write(
    `\nSKIPPED: the KurrentDB event-store contract suite ${NEEDS_KURRENTDB}: ${availability.reason}.\n` +
      'Run it with KURRENTDB_URL=kurrentdb://127.0.0.1:2113?tls=false (see infra/kurrentdb/README.md).\n\n',
  );

const describeWithServer = availability.via === 'none' ? describe.skip : describe;

describeWithServer(`KurrentDB adapter ${availability.via === 'none' ? NEEDS_KURRENTDB : ''}`.trim(), () => {
  let server: KurrentDbServer | undefined;

  beforeAll(async () => {
    server = await startKurrentDb();
  }, 180_000);
  afterAll(async () => server?.stop(), 60_000);

  eventStoreContract(
    'KurrentDB',
    async () => {
      if (!server) throw new Error('KurrentDB did not start');
      return openKurrentDbStore(server.url);
    },
    { pagesReadToHead: false },
  );
});
