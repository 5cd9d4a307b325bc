import { describe, expect, it } from '@jest/globals';
import { EventEmitter } from 'node:events';
import { stopSignal } from './stop-signal.js';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

describe('the signal that stops the consumer', () => {
  it.each(SIGNALS)(
    'is the first %s, and leaves the next signal to end the process at once',
    async (first) => {
      const process = new EventEmitter();
      const stopped = stopSignal(process);
      process.emit(first, first);

      await expect(stopped).resolves.toBe(first);
      // With no listener left, Node gives SIGINT and SIGTERM their default effect: the process ends.
      expect(SIGNALS.map((signal) => process.listenerCount(signal))).toEqual([0, 0]);
    },
  );
});
