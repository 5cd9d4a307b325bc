import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { instructionStream } from '@redtape/accountability-domain';
import { collect } from '@redtape/event-store';
import { SqliteEventStore } from '@redtape/event-store/sqlite';
import { AccountabilityHistory, ReadModelFixture } from '@redtape/accountability-read-model/testing';
import { DeadlineWatcher } from './deadline-watcher.js';

/** A clock the test moves by hand: the watcher never reads the system time. */
function steppedClock(start: string) {
  let now = new Date(start);
  return { now: () => now, set: (instant: string) => (now = new Date(instant)) };
}

describe('the deadline watcher', () => {
  let fixture: ReadModelFixture;
  let history: AccountabilityHistory;

  beforeEach(async () => {
    fixture = new ReadModelFixture();
    await fixture.start();
    history = new AccountabilityHistory(fixture.store);
    await history.registerOfficial('akim-nookat', 'Akim of Nookat');
    await history.appoint('akim-nookat', {
      authorityId: 'district-akimat/nookat',
      unitId: 'district/nookat',
      title: 'Akim',
      head: true,
      appointedOn: '2025-12-01',
    });
    await history.issue({
      instructionId: 'cut-timelines',
      issuedOn: '2026-01-15',
      deadline: '2026-03-01',
      assigneeOfficialId: 'akim-nookat',
      unitId: 'district/nookat',
    });
    await history.issue({
      instructionId: 'done-in-time',
      issuedOn: '2026-01-15',
      deadline: '2026-03-01',
      assigneeOfficialId: 'akim-nookat',
      unitId: 'district/nookat',
    });
    await history.complete('done-in-time', '2026-02-20');
    await fixture.caughtUp();
  });

  afterEach(async () => fixture.dispose());

  const overdueEvents = async (instructionId: string) =>
    (await collect(fixture.store.readStream(instructionStream(instructionId)))).filter(
      (event) => event.type === 'InstructionBecameOverdue',
    );

  it('does nothing on the deadline day itself, in Bishkek', async () => {
    // 2026-03-01T23:30 in Bishkek is still the deadline day there, though it is 17:30 UTC.
    const clock = steppedClock('2026-03-01T17:30:00Z');
    const watcher = new DeadlineWatcher(fixture.store, fixture.queries, clock.now);
    expect(await watcher.tick()).toEqual({ marked: [], positions: [] });
    expect(await overdueEvents('cut-timelines')).toEqual([]);
  });

  it('marks an uncompleted instruction overdue the next day, and a completed one never', async () => {
    const clock = steppedClock('2026-03-01T18:30:00Z');
    const watcher = new DeadlineWatcher(fixture.store, fixture.queries, clock.now);
    const { marked } = await watcher.tick();
    expect(marked).toEqual(['cut-timelines']);
    expect((await overdueEvents('cut-timelines')).map((event) => event.data)).toEqual([
      { instructionId: 'cut-timelines', deadline: '2026-03-01', detectedOn: '2026-03-02' },
    ]);
    expect(await overdueEvents('done-in-time')).toEqual([]);
  });

  it('appends exactly one overdue event with two replicas watching at once, and none on later checks or restarts', async () => {
    const clock = steppedClock('2026-03-05T06:00:00Z');
    const otherReplicaStore = SqliteEventStore.open(`${fixture.directory}/events.db`);
    try {
      const replicas = [
        new DeadlineWatcher(fixture.store, fixture.queries, clock.now),
        new DeadlineWatcher(otherReplicaStore, fixture.queries, clock.now),
      ];
      // Both read the same candidates before either appends: the race the expected revision settles.
      const results = await Promise.all(replicas.map((replica) => replica.tick()));
      expect(results.flatMap((result) => result.marked)).toEqual(['cut-timelines']);

      clock.set('2026-03-20T06:00:00Z');
      const restarted = new DeadlineWatcher(otherReplicaStore, fixture.queries, clock.now);
      expect((await restarted.tick()).marked).toEqual([]);
      expect((await replicas[0]!.tick()).marked).toEqual([]);
    } finally {
      await otherReplicaStore.close();
    }
    expect(await overdueEvents('cut-timelines')).toHaveLength(1);
  });
});
