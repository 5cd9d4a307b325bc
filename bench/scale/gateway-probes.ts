/**
 * What a client feels, measured through the gateway: the audit trail of one procedure, time travel
 * to its 5th revision, a unit's reform metrics and procedure list, and a procedure mutation (which
 * answers only once the read models show it: read-your-writes). Requests of the different kinds are
 * interleaved, round after round, so that a slow spell of the machine weighs on all of them alike.
 */
import { mintToken } from '@redtape/auth';
import { monotonicMs } from '../clock.js';
import { spreadOf, type Spread } from '../statistics.js';
import type { HistoryManifest } from './history/generator.js';
import { JWT_SECRET } from './system.js';

export interface LatencyMeasure {
  readonly samples: number;
  readonly ms: Spread;
  readonly errors: number;
  readonly firstError?: string;
}

interface GraphQLReply {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function post(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<GraphQLReply> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(60_000),
  });
  return (await response.json()) as GraphQLReply;
}

const QUERIES = {
  auditTrail: `query Audit($id: ID!) { procedure(id: $id) { auditTrail(first: 50) { totalCount nodes {
    revision eventType occurredAt actor { id role } reason legalBasis changes { field before after } } } } }`,
  procedureAsOf: `query AsOf($id: ID!) { procedureAsOf(id: $id, revision: 5) {
    id revision title status decisionDays requirements { id name } steps { id description } } }`,
  reformMetrics: `query Metrics($unit: ID!) { unit(id: $unit) { reformMetrics { baselineDate
    baseline { activeProcedures totalRequirements medianDecisionDays }
    now { activeProcedures totalRequirements medianDecisionDays } } } }`,
  procedureList: `query List($unit: ID!) { unit(id: $unit) { procedures { id title status decisionDays } } }`,
} as const;

export type QueryName = keyof typeof QUERIES;

const MUTATION = `mutation Change($input: ChangeDecisionTimeInput!) {
  changeDecisionTime(input: $input) { id decisionDays revision } }`;

function describe(reply: GraphQLReply): string | undefined {
  if (reply.errors && reply.errors.length > 0)
    return reply.errors.map((error) => `${error.extensions?.code ?? ''} ${error.message}`).join('; ');
  return reply.data ? undefined : 'no data';
}

class Recorder {
  readonly ms: number[] = [];
  errors = 0;
  firstError: string | undefined;

  async time(request: () => Promise<GraphQLReply>): Promise<void> {
    const started = monotonicMs();
    try {
      const problem = describe(await request());
      if (problem) this.fail(problem);
      else this.ms.push(monotonicMs() - started);
    } catch (error) {
      this.fail(error instanceof Error ? error.message : String(error));
    }
  }

  private fail(problem: string): void {
    this.errors += 1;
    this.firstError ??= problem;
  }

  result(): LatencyMeasure {
    return {
      samples: this.ms.length,
      ms: this.ms.length > 0 ? spreadOf(this.ms) : { p50: NaN, p95: NaN, max: NaN },
      errors: this.errors,
      ...(this.firstError ? { firstError: this.firstError } : {}),
    };
  }
}

const WARM_UP = 3;

export async function measureQueries(
  gatewayUrl: string,
  manifest: HistoryManifest,
  samples: number,
): Promise<Record<QueryName, LatencyMeasure>> {
  const token = await mintToken({ sub: 'bench-auditor', name: 'Bench auditor', role: 'auditor' }, JWT_SECRET);
  const variables: Record<QueryName, Record<string, unknown>> = {
    auditTrail: { id: manifest.probe.procedureId },
    procedureAsOf: { id: manifest.probe.procedureId },
    reformMetrics: { unit: manifest.probe.unitId },
    procedureList: { unit: manifest.probe.unitId },
  };
  const names = Object.keys(QUERIES) as QueryName[];
  const recorders = Object.fromEntries(names.map((name) => [name, new Recorder()])) as Record<
    QueryName,
    Recorder
  >;
  for (let round = 0; round < WARM_UP + samples; round++)
    for (const name of names) {
      const recorder = round < WARM_UP ? new Recorder() : recorders[name];
      await recorder.time(() => post(gatewayUrl, token, QUERIES[name], variables[name]));
    }
  return Object.fromEntries(names.map((name) => [name, recorders[name].result()])) as Record<
    QueryName,
    LatencyMeasure
  >;
}

/**
 * `samples` decision-time changes of the mutation target, one after the other, by an official of its
 * unit, alternating between two values so that each one appends an event.
 */
export async function measureMutations(
  gatewayUrl: string,
  manifest: HistoryManifest,
  samples: number,
): Promise<LatencyMeasure> {
  const token = await mintToken(
    { sub: 'bench-official', name: 'Bench official', role: 'official', unit: manifest.probe.unitId },
    JWT_SECRET,
  );
  const recorder = new Recorder();
  for (let i = 0; i < WARM_UP + samples; i++) {
    const target = i < WARM_UP ? new Recorder() : recorder;
    await target.time(() =>
      post(gatewayUrl, token, MUTATION, {
        input: {
          procedureId: manifest.probe.mutationTargetId,
          days: 20 + (i % 2),
          reason: 'scale bench: a decision-time change measured through the gateway',
        },
      }),
    );
  }
  return recorder.result();
}

/** Whether a procedure is visible through the gateway (the procedures read model has reached it). */
export async function procedureVisible(gatewayUrl: string, procedureId: string): Promise<boolean> {
  const token = await mintToken({ sub: 'bench-auditor', name: 'Bench auditor', role: 'auditor' }, JWT_SECRET);
  try {
    const reply = await post(gatewayUrl, token, 'query($id: ID!) { procedure(id: $id) { id } }', {
      id: procedureId,
    });
    return Boolean((reply.data as { procedure?: unknown } | undefined)?.procedure);
  } catch {
    return false;
  }
}
