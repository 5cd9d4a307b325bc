import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { extname } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { EventStoreConnection } from '../open-event-store.js';

export type WriterOutcome =
  { outcome: 'appended'; revision: string } | { outcome: 'refused'; code: string; actual?: string };

const here = fileURLToPath(import.meta.url);
const writerScript = fileURLToPath(new URL(`./contract-writer${extname(here)}`, import.meta.url));
// TypeScript sources run through tsx; built JavaScript runs as it is.
const loaderArgs = extname(here) === '.ts' ? ['--conditions=@redtape/source', '--import', 'tsx'] : [];

function nextLine(
  lines: Interface,
  child: ChildProcessWithoutNullStreams,
  stderr: () => string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const onLine = (line: string) => {
      child.off('exit', onExit);
      resolve(line);
    };
    const onExit = (code: number | null) => {
      lines.off('line', onLine);
      reject(new Error(`writer exited with ${code} before answering: ${stderr()}`));
    };
    lines.once('line', onLine);
    child.once('exit', onExit);
  });
}

/**
 * Starts one OS process per writer, waits until all have opened the store, then releases them at
 * once so their appends race for the same expected revision.
 */
export async function raceWritersInSeparateProcesses(
  connection: EventStoreConnection,
  streamId: string,
  expectedRevision: bigint,
  eventIds: readonly string[],
): Promise<WriterOutcome[]> {
  const writers = eventIds.map((eventId) => {
    const task = { connection, streamId, expectedRevision: String(expectedRevision), eventId };
    const child = spawn(process.execPath, [...loaderArgs, writerScript, JSON.stringify(task)], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const lines = createInterface({ input: child.stdout });
    return { child, lines, stderr: () => errors };
  });
  try {
    const ready = await Promise.all(writers.map((w) => nextLine(w.lines, w.child, w.stderr)));
    if (ready.some((line) => line !== 'ready'))
      throw new Error(`a writer did not get ready: ${ready.join(', ')}`);
    const answers = writers.map((w) => nextLine(w.lines, w.child, w.stderr));
    for (const w of writers) w.child.stdin.write('go\n');
    return (await Promise.all(answers)).map((line) => JSON.parse(line) as WriterOutcome);
  } finally {
    for (const w of writers) {
      w.lines.close();
      w.child.stdin.end();
      if (w.child.exitCode === null) w.child.kill();
    }
  }
}
