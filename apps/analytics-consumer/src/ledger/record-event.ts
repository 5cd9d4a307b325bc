import type { AnalyticsDb, RevisionAnomalyKind } from '../db/tables.js';
import type { ConsumedEvent } from '../message/consumed-event.js';
import { foldIntoMetrics } from '../metrics/fold-into-metrics.js';
import { reportingDay } from '../metrics/reporting-day.js';
import { checkRevision } from './revision-check.js';

export interface RevisionAnomaly {
  readonly kind: RevisionAnomalyKind;
  readonly expected: number;
  readonly got: number;
}

export type RecordResult =
  /** The ce_id was counted before: nothing changed. */
  | { readonly duplicate: true }
  | {
      readonly duplicate: false;
      /** Also stored in revision_gaps. */
      readonly anomaly: RevisionAnomaly | null;
      /** Why the event moved no figure it should have, or null. */
      readonly notFolded: string | null;
    };

/**
 * Counts one event in ONE transaction: the dedupe row, the revision check (and its revision_gaps row),
 * the stream's last revision and the metrics. Either all of it is stored or none, so an event whose
 * Kafka offset was not committed yet (a crash right after this) is found in seen_events when it
 * comes again, and counted once.
 */
export async function recordEvent(db: AnalyticsDb, event: ConsumedEvent, now: Date): Promise<RecordResult> {
  const at = now.toISOString();
  const { topic, partition, offset } = event.origin;
  const kafka = { kafka_topic: topic, kafka_partition: partition, kafka_offset: offset };
  return db.transaction().execute(async (trx): Promise<RecordResult> => {
    const seen = await trx
      .insertInto('seen_events')
      .values({
        event_id: event.id,
        event_type: event.type,
        stream_id: event.streamId,
        stream_revision: event.streamRevision,
        event_time: event.time,
        ...kafka,
        consumed_at: at,
      })
      .onConflict((conflict) => conflict.column('event_id').doNothing())
      .executeTakeFirst();
    if (seen.numInsertedOrUpdatedRows === 0n) return { duplicate: true };

    const last = await trx
      .selectFrom('stream_revisions')
      .select('last_revision')
      .where('stream_id', '=', event.streamId)
      .executeTakeFirst();
    const check = checkRevision(last?.last_revision, event.streamRevision);
    const anomaly = check.kind === 'in-order' ? null : check;
    if (anomaly !== null)
      await trx
        .insertInto('revision_gaps')
        .values({
          stream_id: event.streamId,
          kind: anomaly.kind,
          expected_revision: anomaly.expected,
          got_revision: anomaly.got,
          event_id: event.id,
          event_type: event.type,
          event_time: event.time,
          ...kafka,
          detected_at: at,
        })
        .execute();
    if (anomaly?.kind === 'behind')
      return { duplicate: false, anomaly, notFolded: 'its revision is not above the last one counted' };

    const revision = { last_revision: event.streamRevision, last_event_id: event.id, updated_at: at };
    await trx
      .insertInto('stream_revisions')
      .values({ stream_id: event.streamId, ...revision })
      .onConflict((conflict) => conflict.column('stream_id').doUpdateSet(revision))
      .execute();
    const notFolded = await foldIntoMetrics(trx, event.fact, reportingDay(event.time), at);
    return { duplicate: false, anomaly, notFolded };
  });
}
