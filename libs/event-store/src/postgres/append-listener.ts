import { EventEmitter } from 'node:events';
import pg from 'pg';
import { APPENDED_CHANNEL } from './schema.js';

const SAFETY_NET_MS = 1000;
const MAX_RECONNECT_DELAY_MS = 5000;

/**
 * Wakes this store's subscribers when any process commits an append: one LISTEN connection per store,
 * opened with the first subscriber and closed with the last. A notification can be missed while that
 * connection is down, so subscribers are also woken after every reconnect and on a slow timer; a
 * wake-up only makes them read the log again, so a spurious one costs a query and nothing else.
 */
export class AppendListener {
  private readonly emitter = new EventEmitter();
  private client: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private reconnectDelay = 100;
  private active = false;

  constructor(
    private readonly connectionString: string,
    private readonly onError: (error: Error) => void,
  ) {
    this.emitter.setMaxListeners(0);
  }

  /** Wakes this process's subscribers at once, without waiting for the notification's round trip. */
  notify(): void {
    this.emitter.emit('appended');
  }

  listen(listener: () => void): () => void {
    this.emitter.on('appended', listener);
    if (!this.active) this.start();
    return () => {
      this.emitter.off('appended', listener);
      if (this.emitter.listenerCount('appended') === 0) this.stop();
    };
  }

  stop(): void {
    this.active = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    // A reconnect still pending would open a second LISTEN connection that nobody ends.
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    const client = this.client;
    this.client = undefined;
    client?.end().catch((error: unknown) => this.onError(asError(error)));
  }

  private start(): void {
    this.active = true;
    this.timer = setInterval(() => this.notify(), SAFETY_NET_MS);
    this.timer.unref();
    void this.connect();
  }

  private async connect(): Promise<void> {
    if (!this.active) return;
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', () => this.notify());
    client.on('error', (error) => this.reconnect(client, error));
    client.on('end', () => this.reconnect(client));
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${APPENDED_CHANNEL}`);
      this.reconnectDelay = 100;
      // Whatever was appended while no connection listened is read now.
      this.notify();
    } catch (error) {
      this.reconnect(client, asError(error));
    }
  }

  private reconnect(client: pg.Client, error?: Error): void {
    if (this.client !== client) return;
    this.client = undefined;
    if (error) this.onError(error);
    client.end().catch(() => undefined /* already broken: its error was reported above */);
    if (!this.active) return;
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(delay * 2, MAX_RECONNECT_DELAY_MS);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, delay);
    this.reconnectTimer.unref();
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
