import { describe, expect, it } from '@jest/globals';
import {
  ANY,
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  END,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
  type RecordedEvent as ClientRecordedEvent,
} from '@kurrent/kurrentdb-client';
import { InvalidEvent, StreamNotFound, StreamRevisionConflict } from '../port/index.js';
import { clientErrorType, isStreamNotFound, isTransient, translateError } from './errors.js';
import { toStreamState } from './expected-revision.js';
import { exactlyOneOf, isSystemEvent, matchesFilter, serverSideFilter } from './filter.js';
import {
  KurrentDbPositionError,
  comesAfter,
  comesBefore,
  requirePosition,
  toGlobalPosition,
  toReadPosition,
} from './position.js';
import { toEventData, toRecordedEvent } from './recorded-event.js';

const grpcError = (code: number, details: string) =>
  Object.assign(new Error(`${code}: ${details}`), { code, details });

describe('the expected revision passed to KurrentDB', () => {
  it.each([
    ['any', ANY],
    ['no_stream', NO_STREAM],
    ['stream_exists', STREAM_EXISTS],
  ] as const)('maps %s to the client constant', (expected, constant) => {
    expect(toStreamState(expected)).toBe(constant);
  });

  it('passes an exact revision through, zero included', () => {
    expect(toStreamState(0n)).toBe(0n);
    expect(toStreamState(41n)).toBe(41n);
  });
});

describe("translating the client's errors", () => {
  it('turns a wrong expected version into a revision conflict with the actual revision', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'unit-1',
      expected: 3n,
      current: 5n,
    });
    const translated = translateError(error, 'unit-1', 3n);
    expect(translated).toBeInstanceOf(StreamRevisionConflict);
    expect(translated).toMatchObject({ streamId: 'unit-1', expected: 3n, actual: 5n });
  });

  it("reports 'no_stream' as the actual revision of a stream that does not exist", () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'unit-1',
      expected: 'stream_exists',
      current: 'no_stream',
    });
    expect(translateError(error, 'unit-1', 'stream_exists')).toMatchObject({
      expected: 'stream_exists',
      actual: 'no_stream',
    });
  });

  it('turns stream-not-found into StreamNotFound', () => {
    const error = new StreamNotFoundError(undefined, 'unit-1');
    expect(isStreamNotFound(error)).toBe(true);
    expect(translateError(error, 'unit-1')).toEqual(new StreamNotFound('unit-1'));
  });

  it('passes any other error through unchanged', () => {
    const unavailable = new UnavailableError();
    expect(translateError(unavailable, 'unit-1', 0n)).toBe(unavailable);
    const own = new InvalidEvent(0, 'bad');
    expect(translateError(own, 'unit-1', 0n)).toBe(own);
    expect(isStreamNotFound(own)).toBe(false);
  });

  it('classifies raw gRPC status errors the way the client does', () => {
    expect(clientErrorType(grpcError(14, 'No connection established'))).toBe('unavailable');
    expect(clientErrorType(grpcError(4, 'Deadline exceeded'))).toBe('deadline-exceeded');
    // Status details the conversion would need are missing here: no known kind, and no crash.
    expect(clientErrorType(grpcError(3, 'bad argument'))).toBeUndefined();
    expect(clientErrorType('not an error')).toBeUndefined();
  });
});

describe('which subscription failures are worth resubscribing after', () => {
  it.each([
    ['unavailable', new UnavailableError()],
    ['deadline exceeded', new DeadlineExceededError()],
    ['cancelled by the server', new CancelledError()],
    ['a raw UNAVAILABLE from grpc-js', grpcError(14, 'Connection dropped')],
    ['a raw RST_STREAM (INTERNAL) from grpc-js', grpcError(13, 'Received RST_STREAM with code 2')],
  ])('resubscribes after %s', (_what, error) => {
    expect(isTransient(error)).toBe(true);
  });

  it.each([
    ['access denied', new AccessDeniedError()],
    ['an unknown server error', new UnknownError()],
    [
      'a wrong expected version',
      new WrongExpectedVersionError(undefined, { streamName: 's', expected: 0n, current: 1n }),
    ],
    ["the adapter's own refusal", new KurrentDbPositionError('explicit transaction')],
    ['a plain error', new Error('bug')],
  ])('ends the subscription on %s', (_what, error) => {
    expect(isTransient(error)).toBe(false);
  });
});

describe('global positions', () => {
  it('is the commit position when commit and prepare agree, as for every ordinary append', () => {
    expect(toGlobalPosition({ commit: 1234n, prepare: 1234n })).toBe(1234n);
  });

  it('refuses events of explicit transactions, where one number cannot say where to resume', () => {
    expect(() => toGlobalPosition({ commit: 2000n, prepare: 1500n })).toThrow(KurrentDbPositionError);
  });

  it('resumes from the very event of a checkpoint, or from the start without one', () => {
    expect(toReadPosition(undefined)).toBe(START);
    expect(toReadPosition(-1n)).toBe(START);
    expect(toReadPosition(0n)).toEqual({ commit: 0n, prepare: 0n });
    expect(toReadPosition(987n)).toEqual({ commit: 987n, prepare: 987n });
  });

  it('orders positions by commit, then prepare', () => {
    const at = { commit: 100n, prepare: 100n };
    expect(comesAfter({ commit: 101n, prepare: 101n }, at)).toBe(true);
    expect(comesAfter(at, at)).toBe(false);
    expect(comesAfter({ commit: 100n, prepare: 99n }, at)).toBe(false);
    expect(comesAfter(at, START)).toBe(true);
    expect(comesAfter(at, END)).toBe(false);
    expect(comesBefore({ commit: 99n, prepare: 99n }, at)).toBe(true);
    expect(comesBefore(at, at)).toBe(false);
    expect(comesBefore(at, END)).toBe(true);
    expect(comesBefore(at, START)).toBe(false);
  });

  it('refuses an event read without a position', () => {
    expect(() => requirePosition({ id: 'e' })).toThrow(KurrentDbPositionError);
  });
});

describe('server-side filters', () => {
  it('excludes system events when nothing else is asked', () => {
    expect(serverSideFilter(undefined)).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
    expect(serverSideFilter({ streamPrefixes: [], eventTypes: [] })).toMatchObject({ regex: '^[^$].*' });
  });

  it('filters stream prefixes on the server, leaving the event types to the client', () => {
    expect(
      serverSideFilter({ streamPrefixes: ['procedure-', 'unit-'], eventTypes: ['Registered'] }),
    ).toMatchObject({ filterOn: 'streamName', prefixes: ['procedure-', 'unit-'] });
  });

  it('filters event types on the server as one exact regex when no prefix is given', () => {
    const filter = serverSideFilter({ eventTypes: ['Registered', 'v2.Abolished'] });
    expect(filter).toMatchObject({ filterOn: 'eventType' });
    const regex = new RegExp((filter as { regex: string }).regex);
    expect(['Registered', 'v2.Abolished'].every((type) => regex.test(type))).toBe(true);
    expect(['RegisteredAgain', 'Re', 'v2xAbolished', '$>'].some((type) => regex.test(type))).toBe(false);
  });

  it('escapes what a regex would read as syntax', () => {
    expect(new RegExp(exactlyOneOf(['a.b-c'])).test('a.b-c')).toBe(true);
    expect(new RegExp(exactlyOneOf(['a.b-c'])).test('aXb-c')).toBe(false);
  });
});

describe('the filter the client applies', () => {
  const event = (streamId: string, type: string) => ({ streamId, type });

  it('is an AND of the two parts and an OR within each', () => {
    const filter = { streamPrefixes: ['procedure-', 'unit-'], eventTypes: ['Registered', 'Renamed'] };
    expect(matchesFilter(filter, event('procedure-1', 'Registered'))).toBe(true);
    expect(matchesFilter(filter, event('unit-7', 'Renamed'))).toBe(true);
    expect(matchesFilter(filter, event('procedure-1', 'Abolished'))).toBe(false);
    expect(matchesFilter(filter, event('official-1', 'Registered'))).toBe(false);
  });

  it('matches everything but system events without a filter', () => {
    expect(matchesFilter(undefined, event('procedure-1', 'Registered'))).toBe(true);
    expect(matchesFilter({ streamPrefixes: [] }, event('procedure-1', 'Registered'))).toBe(true);
  });

  it("never lets KurrentDB's own events through, whatever the filter", () => {
    expect(isSystemEvent(event('$ce-procedure', '$>'))).toBe(true);
    expect(isSystemEvent(event('$stats-127.0.0.1:2113', 'StatsCollected'))).toBe(true);
    expect(isSystemEvent(event('procedure-1', '$metadata'))).toBe(true);
    expect(matchesFilter({ streamPrefixes: [''] }, event('$ce-procedure', '$>'))).toBe(false);
    expect(matchesFilter({ eventTypes: ['$>'] }, event('$ce-procedure', '$>'))).toBe(false);
  });
});

describe('events in and out', () => {
  it('writes JSON with a lower-case id and an object for metadata', () => {
    const data = toEventData({
      id: 'A1B2C3D4-0000-4000-8000-00000000000F',
      type: 'Registered',
      data: { n: 1 },
    });
    expect(data).toMatchObject({
      id: 'a1b2c3d4-0000-4000-8000-00000000000f',
      contentType: 'application/json',
      type: 'Registered',
      data: { n: 1 },
      metadata: {},
    });
  });

  const read = (overrides: Partial<Record<keyof ClientRecordedEvent, unknown>> = {}) =>
    ({
      streamId: 'procedure-1',
      id: 'A1B2C3D4-0000-4000-8000-00000000000F',
      isJson: true,
      revision: 3n,
      type: 'Registered',
      created: new Date('2026-11-01T10:00:00Z'),
      data: { n: 1 },
      metadata: { actor: 'u-1' },
      position: { commit: 500n, prepare: 500n },
      ...overrides,
    }) as ClientRecordedEvent;

  it("reads the port's event off the client's", () => {
    expect(toRecordedEvent(read())).toEqual({
      id: 'a1b2c3d4-0000-4000-8000-00000000000f',
      type: 'Registered',
      streamId: 'procedure-1',
      revision: 3n,
      position: 500n,
      data: { n: 1 },
      metadata: { actor: 'u-1' },
      recordedAt: new Date('2026-11-01T10:00:00Z'),
    });
    expect(toRecordedEvent(read({ metadata: undefined })).metadata).toEqual({});
  });

  it('refuses events that are not JSON objects rather than pass them on half-read', () => {
    expect(() => toRecordedEvent(read({ isJson: false, data: new Uint8Array([1]) }))).toThrow(/JSON object/);
    expect(() => toRecordedEvent(read({ data: [1, 2] }))).toThrow(/JSON object/);
    expect(() => toRecordedEvent(read({ metadata: new Uint8Array([1]) }))).toThrow(/metadata/);
    expect(() => toRecordedEvent(read({ position: undefined }))).toThrow(KurrentDbPositionError);
  });
});
