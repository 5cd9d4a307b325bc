import type { AnalyticsDb } from '../db/tables.js';
import type { MessageOrigin } from '../message/consumed-event.js';
import { textOf, type ReceivedMessage } from '../message/decode-message.js';

/**
 * Sets an unreadable message aside with the reason, whole, so the partition moves on and someone can
 * look at it (and feed it again once the cause is fixed). Its event is not counted: the stream's next
 * event then shows up as a gap too. Recording the same message again changes nothing.
 */
export async function recordRejection(
  db: AnalyticsDb,
  message: ReceivedMessage,
  origin: MessageOrigin,
  reason: string,
  eventId: string | undefined,
  now: Date,
): Promise<void> {
  const headers = Object.fromEntries(
    Object.entries(message.headers ?? {}).map(([name, value]) => [name, textOf(value) ?? null]),
  );
  await db
    .insertInto('rejected_messages')
    .values({
      kafka_topic: origin.topic,
      kafka_partition: origin.partition,
      kafka_offset: origin.offset,
      event_id: eventId ?? null,
      reason,
      message_key: textOf(message.key) ?? null,
      headers: JSON.stringify(headers),
      message_value: textOf(message.value) ?? null,
      rejected_at: now.toISOString(),
    })
    .onConflict((conflict) =>
      conflict.columns(['kafka_topic', 'kafka_partition', 'kafka_offset']).doNothing(),
    )
    .execute();
}
