import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

/** One GraphQL request as autocannon sends it, over and over. */
export interface Target {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The process that serves it, for its CPU time (Linux only). */
  readonly pid?: number;
}

export interface LoadResult {
  readonly requests: number;
  readonly requestsPerSecond: number;
  /** Exact, from each response's own time: autocannon's histogram keeps whole milliseconds only. */
  readonly p50Ms: number;
  /** Server process CPU time per request, when it could be read (Linux /proc). */
  readonly cpuMsPerRequest?: number;
}

export class LoadFailed extends Error {}

// Linux reports process CPU time in clock ticks of 1/100 s (USER_HZ, 100 on every mainstream build).
const TICKS_PER_SECOND = 100;

function cpuTicks(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return undefined;
  }
}

/**
 * Sends the request from `connections` clients for `durationMs`, each client waiting for its answer
 * before sending the next. Every answer must be HTTP 200 without errors, or the figures would measure
 * a fast failure.
 */
export async function load(target: Target, connections: number, durationMs: number): Promise<LoadResult> {
  const times: number[] = [];
  let failures = 0;
  let finished: (outcome: { error?: unknown; result?: autocannon.Result }) => void = () => {};
  const done = new Promise<{ error?: unknown; result?: autocannon.Result }>(
    (resolve) => (finished = resolve),
  );
  const ticksBefore = cpuTicks(target.pid);
  const instance = autocannon(
    {
      url: target.url,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...target.headers },
      body: target.body,
      connections,
      duration: durationMs / 1000,
    },
    (error, result) => finished({ error, result }),
  );
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode === 200) times.push(responseTime);
    else failures += 1;
  });
  const { error, result } = await done;
  const ticksAfter = cpuTicks(target.pid);
  if (error !== undefined && error !== null) throw error;
  if (result === undefined) throw new LoadFailed(`${target.url}: autocannon gave no result`);
  if (failures > 0 || result.errors > 0 || result.timeouts > 0 || times.length === 0) {
    throw new LoadFailed(
      `${target.url}: ${failures} non-200 answers, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  times.sort((a, b) => a - b);
  const cpuSeconds =
    ticksBefore === undefined || ticksAfter === undefined
      ? undefined
      : (ticksAfter - ticksBefore) / TICKS_PER_SECOND;
  return {
    requests: times.length,
    requestsPerSecond: times.length / (durationMs / 1000),
    p50Ms: times[Math.ceil(times.length / 2) - 1]!,
    ...(cpuSeconds === undefined ? {} : { cpuMsPerRequest: (cpuSeconds * 1000) / times.length }),
  };
}

/** Asks once and checks the answer is data, not errors: a benchmark of error answers proves nothing. */
export async function expectData(target: Target): Promise<unknown> {
  const response = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body: target.body,
  });
  const text = await response.text();
  const reply = JSON.parse(text) as { data?: unknown; errors?: unknown };
  if (response.status !== 200 || reply.errors !== undefined || reply.data == null) {
    throw new LoadFailed(`${target.url} answered ${response.status}: ${text.slice(0, 500)}`);
  }
  return reply.data;
}

/**
 * Sends documents the server must refuse (`bodies`, in turn) from `connections` clients for
 * `durationMs`; every answer must be a 400 refusal, or the load is not what it claims to be. Returns
 * how many were refused.
 */
export async function flood(
  target: Omit<Target, 'body'>,
  bodies: readonly string[],
  connections: number,
  durationMs: number,
): Promise<number> {
  let refused = 0;
  let other = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...target.headers },
        requests: bodies.map((body) => ({ body })),
        connections,
        duration: durationMs / 1000,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, statusCode) => {
      if (statusCode === 400) refused += 1;
      else other += 1;
    });
  });
  if (other > 0 || result.errors > 0 || refused === 0)
    throw new LoadFailed(`${target.url}: ${other} answers that were not refusals, ${result.errors} errors`);
  return refused;
}
