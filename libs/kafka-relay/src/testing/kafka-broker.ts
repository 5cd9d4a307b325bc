import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
// Same depth from src/testing and dist/testing.
const SCRIPTS = fileURLToPath(new URL('../../../../infra/kafka/', import.meta.url));
const TIMEOUT_MS = 240_000;

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * A real single-node Kafka broker (KRaft) of its own, started with infra/kafka/start.sh on a free
 * port with a fresh data folder under the OS temp folder. `stop` and `start` keep the folder and the
 * port, as a production broker's restart does; `dispose` stops it and deletes the folder.
 */
export class KafkaBroker {
  private constructor(
    readonly port: number,
    readonly dataDir: string,
  ) {}

  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  static async start(): Promise<KafkaBroker> {
    const broker = new KafkaBroker(await freePort(), mkdtempSync(join(tmpdir(), 'redtape-kafka-relay-')));
    try {
      await broker.start();
    } catch (error) {
      await broker.dispose().catch(() => undefined);
      throw error;
    }
    return broker;
  }

  async start(): Promise<void> {
    const { stdout } = await this.script('start.sh');
    const printed = /^KAFKA_BROKERS=(.+)$/m.exec(stdout)?.[1];
    if (printed !== this.brokers[0])
      throw new Error(`start.sh printed KAFKA_BROKERS=${printed}, expected ${this.brokers[0]}`);
  }

  async stop(): Promise<void> {
    await this.script('stop.sh');
  }

  /** Stops the broker and deletes its data folder. */
  async dispose(): Promise<void> {
    try {
      await this.script('stop.sh', '--clean');
    } finally {
      rmSync(this.dataDir, { recursive: true, force: true });
    }
  }

  private async script(name: string, ...args: string[]): Promise<{ stdout: string }> {
    const env = { ...process.env, KAFKA_PORT: String(this.port), REDTAPE_KAFKA_DATA: this.dataDir };
    try {
      return await run('bash', [join(SCRIPTS, name), ...args], {
        env,
        timeout: TIMEOUT_MS,
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (error) {
      const { stderr } = error as { stderr?: string };
      throw new Error(`infra/kafka/${name} failed: ${stderr ?? String(error)}`, { cause: error });
    }
  }
}
