import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Log bytes past which the file gets a checkpoint: about what SQLite's default of 1,000 pages is. */
const CHECKPOINT_AFTER_BYTES = 4 * 1024 * 1024;
const LOOK_EVERY_MS = 250;

// CommonJS evaluated in the worker: a source file would need the TypeScript build (or jest's
// transform) to be found from a thread, and these few lines need neither.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const database = new Database(workerData.file);
database.pragma('busy_timeout = 5000');
parentPort.on('message', () => {
  try {
    database.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage(String(error && error.message));
    return;
  }
  parentPort.postMessage('done');
});
`;

/**
 * Copies an embedded read model's write-ahead log into its file from a thread of its own. SQLite's
 * automatic checkpoint runs inside the commit that crosses its threshold, on the event loop: with
 * large batches it took 100–230 ms every few commits and was the longest pause a service made while
 * absorbing a burst. A checkpoint on another connection runs beside the writer (only resetting the
 * log waits for it), so the service keeps answering. The thread starts only once a log grows past
 * the threshold, so the many small databases of tests and tools never start one.
 */
export class WalCheckpointer {
  private worker: Worker | undefined;
  private busy = false;
  /** An idle log keeps its size until the next write resets it: checkpointing it again is useless. */
  private bytesAtLastCheckpoint = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly file: string,
    private readonly onFailure: (message: string) => void,
  ) {
    this.timer = setInterval(() => this.lookAtLog(), LOOK_EVERY_MS);
    this.timer.unref();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private lookAtLog(): void {
    const bytes = walBytes(this.file);
    if (this.busy || bytes < CHECKPOINT_AFTER_BYTES || bytes === this.bytesAtLastCheckpoint) return;
    this.bytesAtLastCheckpoint = bytes;
    this.busy = true;
    this.startedWorker().postMessage('checkpoint');
  }

  private startedWorker(): Worker {
    if (this.worker) return this.worker;
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: this.file, driver } });
    worker.unref();
    worker.on('message', (message: string) => {
      this.busy = false;
      if (message !== 'done') this.onFailure(message);
    });
    worker.on('error', (error) => {
      this.busy = false;
      this.worker = undefined;
      this.onFailure(error.message);
    });
    this.worker = worker;
    return worker;
  }
}

function walBytes(file: string): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}
