/** The part of `process` that delivers signals; a test passes an EventEmitter. */
export type SignalSource = Pick<NodeJS.EventEmitter, 'on' | 'off'>;

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Resolves with the first SIGINT or SIGTERM, which asks for a graceful stop. It then takes both
 * handlers away: with no listener left, Node gives the next SIGINT or SIGTERM its default effect and
 * the process ends at once, for an operator who will not wait for the graceful stop (a second Ctrl-C).
 */
export function stopSignal(source: SignalSource = process): Promise<NodeJS.Signals> {
  return new Promise<NodeJS.Signals>((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      for (const name of STOP_SIGNALS) source.off(name, onSignal);
      resolve(signal);
    };
    for (const name of STOP_SIGNALS) source.on(name, onSignal);
  });
}
