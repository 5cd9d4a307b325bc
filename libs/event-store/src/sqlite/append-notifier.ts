import { EventEmitter } from 'node:events';
import { closeSync, openSync, utimesSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

/**
 * Tells subscribers that the event-store file may have grown: at once for appends made in this
 * process, within milliseconds for other processes sharing the file, and on a slow timer as a safety
 * net should a file-system event be missed. Other processes learn of an append from a side file the
 * writer touches after its commit: the WAL file itself changes before the commit becomes visible to
 * readers, so waking on it would read too early and then sleep until the safety net.
 */
class FileAppendNotifier {
  private readonly emitter = new EventEmitter();
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly file: string,
    private readonly safetyNetMs: number,
  ) {
    this.emitter.setMaxListeners(0);
  }

  get listenerCount(): number {
    return this.emitter.listenerCount('appended');
  }

  notify(): void {
    this.emitter.emit('appended');
  }

  listen(listener: () => void): () => void {
    if (this.listenerCount === 0) this.start();
    this.emitter.on('appended', listener);
    return () => {
      this.emitter.off('appended', listener);
      if (this.listenerCount === 0) this.stop();
    };
  }

  private start(): void {
    const signal = basename(appendSignalFile(this.file));
    try {
      this.watcher = watch(dirname(this.file), { persistent: false }, (_kind, changed) => {
        if (changed === null || changed === signal) this.notify();
      });
      this.watcher.on('error', () => this.stopWatching());
    } catch {
      // Some file systems cannot be watched; the safety-net timer still wakes subscribers.
      this.watcher = undefined;
    }
    this.timer = setInterval(() => this.notify(), this.safetyNetMs);
    this.timer.unref();
  }

  private stopWatching(): void {
    this.watcher?.close();
    this.watcher = undefined;
  }

  private stop(): void {
    this.stopWatching();
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

const notifiers = new Map<string, FileAppendNotifier>();
const SAFETY_NET_MS = 1000;

/** Calls the listener whenever the event-store file may have grown; returns the unsubscribe function. */
export function listenForAppends(file: string, listener: () => void): () => void {
  let notifier = notifiers.get(file);
  if (!notifier) {
    notifier = new FileAppendNotifier(file, SAFETY_NET_MS);
    notifiers.set(file, notifier);
  }
  const unlisten = notifier.listen(listener);
  const owner = notifier;
  return () => {
    unlisten();
    if (owner.listenerCount === 0 && notifiers.get(file) === owner) notifiers.delete(file);
  };
}

function appendSignalFile(file: string): string {
  return `${file}-appended`;
}

/** Wakes subscribers after an append committed: this process's at once, other processes' through the side file. */
export function announceAppend(file: string): void {
  notifiers.get(file)?.notify();
  const signal = appendSignalFile(file);
  const now = new Date();
  try {
    utimesSync(signal, now, now);
  } catch {
    closeSync(openSync(signal, 'a'));
  }
}
