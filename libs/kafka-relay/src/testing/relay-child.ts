import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { RelayProcessSettings } from './relay-process.js';

const here = fileURLToPath(import.meta.url);
const script = fileURLToPath(new URL(`./relay-process${extname(here)}`, import.meta.url));
// TypeScript sources run through tsx; built JavaScript runs as it is.
const loaderArgs = extname(here) === '.ts' ? ['--conditions=@redtape/source', '--import', 'tsx'] : [];

export interface RelayChild {
  readonly child: ChildProcess;
  /** What it wrote to stderr so far (JSON log lines). */
  readonly log: () => string;
  /** SIGKILL: no cleanup, the lease stays taken until it expires. */
  kill(): Promise<void>;
  /** SIGTERM: stops the relay, which gives its lease up. */
  terminate(): Promise<void>;
}

/** Starts a relay in a child process; resolves once it printed that it started. */
export async function startRelayProcess(settings: RelayProcessSettings): Promise<RelayChild> {
  const child = spawn(process.execPath, [...loaderArgs, script, JSON.stringify(settings)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit');
  const stop = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const lines = createInterface({ input: child.stdout! });
  try {
    await new Promise<void>((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(new Error(`the relay process exited with ${code}: ${stderr}`));
      child.once('exit', onExit);
      lines.once('line', (line) => {
        child.off('exit', onExit);
        if (line.startsWith('ready ')) resolve();
        else reject(new Error(`the relay process said "${line}"`));
      });
    });
  } catch (error) {
    await stop('SIGKILL');
    throw error;
  } finally {
    lines.close();
  }
  return {
    child,
    log: () => stderr,
    kill: () => stop('SIGKILL'),
    terminate: () => stop('SIGTERM'),
  };
}
