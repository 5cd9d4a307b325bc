import { describe, expect, it } from '@jest/globals';
import { EventuallyTimedOut, eventually } from './eventually.js';

describe('eventually', () => {
  it('answers with what the probe returns once it stops failing', async () => {
    let calls = 0;
    const answer = await eventually(
      () => {
        calls += 1;
        if (calls < 3) throw new Error('not yet');
        return calls;
      },
      1000,
      'the third call',
      { intervalMs: 1 },
    );
    expect(answer).toBe(3);
  });

  it('keeps polling while the probe returns false', async () => {
    let calls = 0;
    await eventually(() => ++calls >= 3, 1000, 'the third call', { intervalMs: 1 });
    expect(calls).toBe(3);
  });

  it('accepts an expectation that returns nothing as an answer', async () => {
    await expect(eventually(() => expect(1).toBe(1), 1000, 'a passing expectation')).resolves.toBeUndefined();
  });

  it('rejects after the deadline, naming what it waited for and the last failure', async () => {
    const started = Date.now();
    const failure = await eventually(
      () => {
        throw new Error('still 2 rows');
      },
      50,
      'three rows',
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EventuallyTimedOut);
    expect((failure as Error).message).toBe(
      'timed out after 50 ms waiting for three rows; last attempt: still 2 rows',
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('rejects when the probe never answers before the deadline', async () => {
    await expect(eventually(() => false, 20, 'a true probe')).rejects.toThrow(
      'timed out after 20 ms waiting for a true probe',
    );
  });
});
