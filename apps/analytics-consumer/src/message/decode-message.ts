import { CONTENT_TYPE, HEADER, SPEC_VERSION } from '../contract.js';
import type { ConsumedEvent, MessageOrigin } from './consumed-event.js';
import { isRedtapeCeType, readFact } from './read-fact.js';
import { UnreadableMessage } from './unreadable-message.js';

type Bytes = Buffer | string;

/** A message as kafkajs hands it over (`KafkaMessage` fits). */
export interface ReceivedMessage {
  readonly key: Bytes | null;
  readonly value: Bytes | null;
  readonly headers?: Readonly<Record<string, Bytes | Bytes[] | undefined>>;
}

const DECIMAL = /^(0|[1-9][0-9]*)$/;

/** RFC 3339's date-time: T, seconds, then `Z` or a `±hh:mm` offset (T and Z may be lower case). */
const RFC_3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d+)?(?:Z|([+-])(\d{2}):(\d{2}))$/i;

/**
 * True for an RFC 3339 time, the format of CloudEvents' `time`. `Date.parse` alone takes other forms
 * too and reads a time without an offset on this machine's clock.
 */
function isRfc3339(time: string): boolean {
  const match = RFC_3339.exec(time);
  if (!match) return false;
  const [, dateTime = '', sign, offsetHours = '0', offsetMinutes = '0'] = match;
  const instant = Date.parse(time);
  if (Number.isNaN(instant)) return false;
  const offsetMs = (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  // Date.parse rolls 30 February over into March and 24:00 into the next day: the fields must read back.
  return new Date(instant + offsetMs).toISOString().slice(0, 19) === dateTime.toUpperCase();
}

export function textOf(value: Bytes | Bytes[] | null | undefined): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  if (single === undefined || single === null) return undefined;
  return typeof single === 'string' ? single : single.toString('utf8');
}

function header(message: ReceivedMessage, name: string, eventId?: string): string {
  const value = textOf(message.headers?.[name]);
  if (value === undefined || value === '') throw new UnreadableMessage(`no ${name} header`, eventId);
  return value;
}

function parseValue(message: ReceivedMessage, eventId: string): Record<string, unknown> {
  const text = textOf(message.value);
  if (text === undefined) throw new UnreadableMessage('the message has no value', eventId);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UnreadableMessage(`the value is not JSON: ${reason}`, eventId);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UnreadableMessage('the value is not a JSON object', eventId);
  return value as Record<string, unknown>;
}

/**
 * A redtape CloudEvent (Kafka binary mode) read from one message: the headers this consumer needs,
 * checked, and the payload's fact for the metrics. Throws UnreadableMessage and says why.
 */
export function decodeMessage(message: ReceivedMessage, origin: MessageOrigin): ConsumedEvent {
  const id = header(message, HEADER.id);
  const specversion = header(message, HEADER.specversion, id);
  if (specversion !== SPEC_VERSION)
    throw new UnreadableMessage(`${HEADER.specversion} is "${specversion}", expected ${SPEC_VERSION}`, id);
  const contentType = header(message, HEADER.contentType, id);
  if (contentType.split(';')[0]?.trim() !== CONTENT_TYPE)
    throw new UnreadableMessage(`${HEADER.contentType} is "${contentType}", expected ${CONTENT_TYPE}`, id);
  const type = header(message, HEADER.type, id);
  if (!isRedtapeCeType(type))
    throw new UnreadableMessage(`${HEADER.type} "${type}" is not redtape.<context>.<EventType>.v<n>`, id);
  const streamId = header(message, HEADER.subject, id);
  const time = header(message, HEADER.time, id);
  if (!isRfc3339(time))
    throw new UnreadableMessage(`${HEADER.time} "${time}" is not an RFC 3339 time with Z or ±hh:mm`, id);
  const revisionText = header(message, HEADER.streamRevision, id);
  const streamRevision = DECIMAL.test(revisionText) ? Number(revisionText) : NaN;
  if (!Number.isSafeInteger(streamRevision))
    throw new UnreadableMessage(`${HEADER.streamRevision} "${revisionText}" is not a revision`, id);
  const data = parseValue(message, id);
  return { origin, id, type, streamId, streamRevision, time, fact: readFact(type, id, data) };
}
