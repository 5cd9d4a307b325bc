import { describe, expect, it } from '@jest/globals';
import { RelayedHistory, issuance, registration } from '../testing/relayed-events.js';
import { decodeMessage, type ReceivedMessage } from './decode-message.js';
import { UnreadableMessage } from './unreadable-message.js';

const origin = { topic: 'redtape.procedures.events.v1', partition: 2, offset: 41 };
const AT = '2026-02-10T09:00:00.000Z';

function relayed(): ReceivedMessage & { headers: Record<string, string>; value: string } {
  const { record } = new RelayedHistory().procedure('p1', 'ProcedureRegistered', registration('p1'), AT);
  return { key: record.key, value: record.value, headers: { ...record.headers } };
}

function unreadable(message: ReceivedMessage): UnreadableMessage {
  try {
    decodeMessage(message, origin);
  } catch (error) {
    if (error instanceof UnreadableMessage) return error;
    throw error;
  }
  throw new Error('the message was read');
}

describe('decoding a message the relay published', () => {
  it('reads the CloudEvent attributes and the registration’s figures', () => {
    const message = relayed();
    expect(decodeMessage(message, origin)).toEqual({
      origin,
      id: message.headers['ce_id'],
      type: 'redtape.procedures.ProcedureRegistered.v1',
      streamId: 'procedure-p1',
      streamRevision: 0,
      time: AT,
      fact: {
        kind: 'procedure-registered',
        procedureId: 'p1',
        unitId: 'district/nookat',
        status: 'ACTIVE',
        requirements: 2,
        decisionDays: 30,
      },
    });
  });

  it('reads headers given as buffers, as kafkajs hands them over', () => {
    const message = relayed();
    const buffers = Object.fromEntries(
      Object.entries(message.headers).map(([name, value]) => [name, Buffer.from(value)]),
    );
    const decoded = decodeMessage(
      { key: Buffer.from(String(message.key)), value: Buffer.from(message.value), headers: buffers },
      origin,
    );
    expect(decoded.streamId).toBe('procedure-p1');
    expect(decoded.fact.kind).toBe('procedure-registered');
  });

  it('reads the unit of an instruction and folds nothing from an event the metrics do not use', () => {
    const history = new RelayedHistory();
    const issued = history.instruction('i1', 'InstructionIssued', issuance('i1', 'city/naryn'), AT).record;
    expect(decodeMessage({ ...issued, headers: { ...issued.headers } }, origin).fact).toEqual({
      kind: 'instruction-issued',
      instructionId: 'i1',
      unitId: 'city/naryn',
    });
    const enrolled = history.unit(
      'city/naryn',
      'UnitEnrolledInPilot',
      { stage: 2, enrolledOn: '2026-01-15' },
      AT,
    );
    expect(
      decodeMessage({ ...enrolled.record, headers: { ...enrolled.record.headers } }, origin).fact,
    ).toEqual({
      kind: 'none',
    });
  });

  it('marks a folded event type in a version it cannot read', () => {
    const message = relayed();
    message.headers['ce_type'] = 'redtape.procedures.ProcedureRegistered.v2';
    expect(decodeMessage(message, origin).fact).toEqual({
      kind: 'unsupported-version',
      ceType: 'redtape.procedures.ProcedureRegistered.v2',
    });
  });

  it.each([
    'ce_id',
    'ce_specversion',
    'ce_type',
    'ce_subject',
    'ce_time',
    'content-type',
    'redtape_stream_revision',
  ])('refuses a message without %s, naming the header', (header) => {
    const message = relayed();
    delete message.headers[header];
    expect(unreadable(message).message).toBe(`no ${header} header`);
  });

  it.each([
    ['redtape_stream_revision', '-1', 'redtape_stream_revision "-1" is not a revision'],
    ['redtape_stream_revision', '007', 'redtape_stream_revision "007" is not a revision'],
    ['ce_specversion', '0.3', 'ce_specversion is "0.3", expected 1.0'],
    ['content-type', 'application/avro', 'content-type is "application/avro", expected application/json'],
    ['ce_type', 'com.example.Thing', 'ce_type "com.example.Thing" is not redtape.<context>.<EventType>.v<n>'],
    ['ce_time', 'soon', 'ce_time "soon" is not an RFC 3339 time with Z or ±hh:mm'],
  ])('refuses %s "%s"', (header, value, reason) => {
    const message = relayed();
    message.headers[header] = value;
    const error = unreadable(message);
    expect(error.message).toBe(reason);
    expect(error.eventId).toBe(message.headers['ce_id']);
  });

  it.each(['2026-02-10T15:00:00+06:00', '2026-02-10t09:00:00.123456z', '2026-02-10T04:30:00-04:30'])(
    'reads ce_time "%s", an RFC 3339 time with its offset',
    (time) => {
      const message = relayed();
      message.headers['ce_time'] = time;
      expect(decodeMessage(message, origin).time).toBe(time);
    },
  );

  it.each([
    '2026-02-10T09:00:00', // no offset: a local time, on whose clock?
    '2026-02-10',
    '2026-02-10 09:00:00Z',
    '2026-02-10T09:00:00+0600',
    '2026-02-10T09:00Z',
    'Tue, 10 Feb 2026 09:00:00 GMT',
    '2026-02-30T09:00:00Z',
    '2026-02-10T24:00:00Z',
    '2026-02-10T09:00:60Z',
    '2026-02-10T09:00:00+24:00',
  ])('refuses ce_time "%s", not an RFC 3339 time with Z or ±hh:mm', (time) => {
    const message = relayed();
    message.headers['ce_time'] = time;
    expect(unreadable(message).message).toBe(`ce_time "${time}" is not an RFC 3339 time with Z or ±hh:mm`);
  });

  it('refuses a value that is not a JSON object', () => {
    expect(unreadable({ ...relayed(), value: '{"procedureId":' }).message).toMatch(
      /^the value is not JSON: /,
    );
    expect(unreadable({ ...relayed(), value: '[1, 2]' }).message).toBe('the value is not a JSON object');
    expect(unreadable({ ...relayed(), value: null }).message).toBe('the message has no value');
  });

  it('refuses a folded event without a field the metrics need, naming it', () => {
    const message = relayed();
    const { unitId: _unitId, ...withoutUnit } = JSON.parse(message.value) as Record<string, unknown>;
    expect(unreadable({ ...message, value: JSON.stringify(withoutUnit) }).message).toBe(
      'redtape.procedures.ProcedureRegistered.v1: unitId must be a non-empty string, got nothing',
    );
  });
});
