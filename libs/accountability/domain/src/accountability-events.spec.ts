import { describe, expect, it } from '@jest/globals';
import {
  ACCOUNTABILITY_STREAMS,
  instructionStream,
  meetingStream,
  officialStream,
  procedureResponsibilityStream,
  unitReportStream,
} from './accountability-events.js';

describe('the accountability streams', () => {
  const streams = {
    official: officialStream('akim-nookat'),
    responsibility: procedureResponsibilityStream('p1'),
    meeting: meetingStream('m1'),
    instruction: instructionStream('i1'),
    report: unitReportStream('r1'),
  };

  it('are named after their kind and id', () =>
    expect(streams).toEqual({
      official: 'official-akim-nookat',
      responsibility: 'responsibility-procedure-p1',
      meeting: 'meeting-m1',
      instruction: 'instruction-i1',
      report: 'progress-report-r1',
    }));

  it('are all selected by the context’s filter, and nothing of the other contexts', () => {
    const selected = (streamId: string) =>
      ACCOUNTABILITY_STREAMS.streamPrefixes.some((prefix) => streamId.startsWith(prefix));
    expect(Object.values(streams).every(selected)).toBe(true);
    expect(['procedure-p1', 'unit-city/tokmok'].some(selected)).toBe(false);
  });
});
