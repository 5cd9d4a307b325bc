export type Exclusive = <T>(task: () => Promise<T>) => Promise<T>;

/** Runs the tasks given to it one at a time, in call order; a failing task does not block the next. */
export function exclusive(): Exclusive {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
}
