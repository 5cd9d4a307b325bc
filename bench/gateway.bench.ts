/**
 * The gateway's cost, measured in one run against the real subgraphs (built from dist/, the
 * illustrative sample recorded), with autocannon: each query straight at the subgraph with the
 * gateway secret, through the gateway as `npm start` runs it, and through the gateway as it was before
 * ADR 5 (bench/gateway-engines/apollo-nest.ts), interleaved round after round. Every figure is a
 * ratio against a baseline measured in the same round. Prints a markdown table and writes every
 * figure to reports/bench/. Reports; asserts nothing.
 *
 * REDTAPE_BENCH_GATEWAYS=all also measures the other candidates ADR 5 compared (a comma-separated
 * list of names picks some); REDTAPE_BENCH_PORT_BASE=5100 keeps its ports at 5100 and up.
 */
import { loadavg } from 'node:os';
import { median } from './statistics.js';
import { createBenchFolder, removeBenchFolder } from './bench-folder.js';
import { describeEnvironment, type Environment } from './environment.js';
import { expectData, flood, load, type LoadResult, type Target } from './gateway-load.js';
import { BENCH_GATEWAY_SECRET, freePort, startBenchSystem, startEngine } from './gateway-system.js';
import { markdownTable } from './markdown-table.js';
import { writeReport } from './report-file.js';

// Sized so that the default run (direct, two gateways) stays near two minutes on a 2-core machine,
// start-up included; many short interleaved rounds, so that the machine's passing moods weigh on all.
const PLAN = { warmUpMs: 3_000, rounds: 5, roundMs: 2_000, clients: 16 } as const;

const ONE_SUBGRAPH = '{ units(pilot: true) { id name } }';
const THREE_SUBGRAPHS = `{
  units(pilot: true) {
    id
    name
    procedures { id title decisionDays }
    head { name }
    scorecard { open overdue onTime }
  }
}`;

const body = (query: string) => JSON.stringify({ query });

/** Documents every limit refuses: the 24-level nested query, 1,000 aliases, a 2^11 fragment fan-out. */
function refusedDocuments(): string[] {
  let nested = 'id';
  for (let level = 24; level > 0; level--) nested = `${level % 2 ? 'children' : 'parent'} { ${nested} }`;
  const fragments = ['fragment F0 on AdministrativeUnit { id name }'];
  for (let level = 1; level <= 11; level++)
    fragments.push(`fragment F${level} on AdministrativeUnit { ...F${level - 1} ...F${level - 1} }`);
  return [
    `{ unit(id: "country/kg") { ${nested} } }`,
    `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: units { id }`).join(' ')} }`,
    `{ unit(id: "city/tokmok") { ...F11 } } ${fragments.join(' ')}`,
  ].map(body);
}
const ATTACKERS = 4;

interface Engine {
  readonly name: string;
  readonly label: string;
  /** A script under bench/gateway-engines, or undefined for the gateway the system runs. */
  readonly file?: string;
  readonly env?: Record<string, string>;
}

const GATEWAY: Engine = { name: 'gateway', label: 'the gateway, Apollo Gateway tuned (ADR 5)' };
const BASELINE: Engine = {
  name: 'apollo-nest',
  label: 'before ADR 5: Nest + Apollo Gateway',
  file: 'apollo-nest.ts',
};
const OTHER_CANDIDATES: readonly Engine[] = [
  {
    name: 'apollo-nest-keepalive',
    label: 'before ADR 5, with keep-alive subgraph calls only',
    file: 'apollo-nest.ts',
    env: { APOLLO_KEEPALIVE: '1' },
  },
  { name: 'hive-minimal', label: 'Hive runtime, JS planner, no coalescing', file: 'hive-minimal.ts' },
  {
    name: 'hive-minimal-rust',
    label: 'Hive runtime, Rust planner, no coalescing',
    file: 'hive-minimal.ts',
    env: { HIVE_PLANNER: 'rust' },
  },
  {
    name: 'hive-minimal-dedupe',
    label: 'Hive runtime as it comes: JS planner, coalescing',
    file: 'hive-minimal.ts',
    env: { HIVE_DEDUPE: '1' },
  },
];

function enginesToMeasure(): Engine[] {
  const wanted = process.env['REDTAPE_BENCH_GATEWAYS'];
  if (wanted === undefined || wanted === '') return [GATEWAY, BASELINE];
  if (wanted === 'all') return [GATEWAY, BASELINE, ...OTHER_CANDIDATES];
  const names = wanted.split(',').map((name) => name.trim());
  const known = [GATEWAY, BASELINE, ...OTHER_CANDIDATES];
  const unknown = names.filter((name) => !known.some((engine) => engine.name === name));
  if (unknown.length > 0) {
    throw new Error(`unknown gateway ${unknown.join(', ')}; known: ${known.map((e) => e.name).join(', ')}`);
  }
  // The gateway and the baseline are always measured: every ratio needs them.
  return [GATEWAY, BASELINE, ...OTHER_CANDIDATES.filter((engine) => names.includes(engine.name))];
}

interface Rounds {
  readonly p50Ms: number[];
  readonly requestsPerSecond: number[];
  readonly cpuMsPerRequest: number[];
}

interface EngineResults {
  readonly name: string;
  readonly label: string;
  readonly oneSubgraph: { readonly oneClient: Rounds; readonly clients: Rounds };
  readonly threeSubgraphs?: { readonly clients: Rounds };
  /** The one-subgraph query at one client while ATTACKERS clients send refused documents (the gateway only). */
  readonly underAttack?: { readonly oneClient: Rounds; readonly refused: number[] };
}

interface Ratio {
  readonly value: number;
  readonly perRound: readonly number[];
  readonly target: number;
}

interface GatewayResults {
  readonly environment: Environment;
  /** The machine's load average (1, 5, 15 min) as the run began and ended: a busy machine blurs every figure. */
  readonly loadAverage: { readonly start: readonly number[]; readonly end: readonly number[] };
  readonly plan: typeof PLAN & { readonly queries: { oneSubgraph: string; threeSubgraphs: string } };
  readonly results: readonly EngineResults[];
  readonly ratios: Record<
    string,
    { addedP50Ms: Ratio; rpsToDirect: Ratio; threeSubgraphRpsToBaseline: Ratio; underAttackToIdleP50?: Ratio }
  >;
}

const emptyRounds = (): Rounds => ({ p50Ms: [], requestsPerSecond: [], cpuMsPerRequest: [] });

function record(rounds: Rounds, result: LoadResult): void {
  rounds.p50Ms.push(result.p50Ms);
  rounds.requestsPerSecond.push(result.requestsPerSecond);
  if (result.cpuMsPerRequest !== undefined) rounds.cpuMsPerRequest.push(result.cpuMsPerRequest);
}

function ratioOf(perRound: number[], target: number): Ratio {
  return { value: median(perRound), perRound, target };
}

interface Measured {
  readonly name: string;
  readonly label: string;
  readonly one: Target;
  readonly three?: Target;
  readonly results: EngineResults;
}

async function run(folder: string, startedAt: Date): Promise<GatewayResults> {
  const environment = describeEnvironment(folder, startedAt);
  const loadAtStart = loadavg();
  console.log('Building, then starting the subgraphs and the gateway and recording the sample…');
  const { system, env } = await startBenchSystem(folder);
  const stops: (() => Promise<void>)[] = [() => system.stop()];
  try {
    const engines = enginesToMeasure();
    let port = Math.max(...Object.values(system.ports));
    const measured: Measured[] = [];
    const direct: Measured = {
      name: 'direct',
      label: 'straight at the regions subgraph',
      one: {
        url: `http://127.0.0.1:${system.ports['regions']}/graphql`,
        headers: { 'x-redtape-gateway-secret': BENCH_GATEWAY_SECRET },
        body: body(ONE_SUBGRAPH),
        pid: system.children[0]?.pid,
      },
      results: {
        name: 'direct',
        label: 'straight at the regions subgraph',
        oneSubgraph: { oneClient: emptyRounds(), clients: emptyRounds() },
      },
    };
    measured.push(direct);
    for (const engine of engines) {
      let url: string;
      let pid: number | undefined;
      if (engine.file === undefined) {
        url = system.gatewayUrl.replace(/\/graphql$/, '');
        pid = system.children[3]?.pid;
      } else {
        console.log(`Starting ${engine.name}…`);
        port = await freePort(port);
        const started = await startEngine(engine.file, { ...env, ...engine.env }, port);
        stops.push(started.stop);
        url = started.url;
        pid = started.process.pid;
      }
      const target = (query: string): Target => ({
        url: `${url}/graphql`,
        headers: {},
        body: body(query),
        pid,
      });
      measured.push({
        name: engine.name,
        label: engine.label,
        one: target(ONE_SUBGRAPH),
        three: target(THREE_SUBGRAPHS),
        results: {
          name: engine.name,
          label: engine.label,
          oneSubgraph: { oneClient: emptyRounds(), clients: emptyRounds() },
          threeSubgraphs: { clients: emptyRounds() },
          ...(engine === GATEWAY ? { underAttack: { oneClient: emptyRounds(), refused: [] } } : {}),
        },
      });
    }

    // Every target answers with the same data, or the comparison is void.
    const expected = JSON.stringify(await expectData(direct.one));
    const expectedThree = JSON.stringify(await expectData(measured[1]!.three!));
    if (!expectedThree.includes('Sample')) throw new Error('the sample data is not there');
    for (const target of measured.slice(1)) {
      if (JSON.stringify(await expectData(target.one)) !== expected)
        throw new Error(`${target.name} answers other data than the subgraph`);
      if (JSON.stringify(await expectData(target.three!)) !== expectedThree)
        throw new Error(`${target.name} answers other data than the gateway`);
    }

    console.log('Warming up…');
    for (const target of measured) {
      await load(target.one, PLAN.clients, PLAN.warmUpMs);
      if (target.three) await load(target.three, PLAN.clients, PLAN.warmUpMs);
    }
    for (let round = 1; round <= PLAN.rounds; round++) {
      console.log(`Round ${round} of ${PLAN.rounds}…`);
      for (const target of measured) {
        const { oneSubgraph, threeSubgraphs } = target.results;
        record(oneSubgraph.oneClient, await load(target.one, 1, PLAN.roundMs));
        record(oneSubgraph.clients, await load(target.one, PLAN.clients, PLAN.roundMs));
        if (target.three && threeSubgraphs)
          record(threeSubgraphs.clients, await load(target.three, PLAN.clients, PLAN.roundMs));
        const { underAttack } = target.results;
        if (underAttack) {
          const [simple, refused] = await Promise.all([
            load(target.one, 1, PLAN.roundMs),
            flood(target.one, refusedDocuments(), ATTACKERS, PLAN.roundMs),
          ]);
          record(underAttack.oneClient, simple);
          underAttack.refused.push(refused);
        }
      }
    }

    const baseline = measured.find((target) => target.name === BASELINE.name)!.results;
    const directRounds = direct.results.oneSubgraph;
    const ratios = Object.fromEntries(
      measured.slice(1).map(({ name, results }) => {
        const added = results.oneSubgraph.oneClient.p50Ms.map(
          (p50, i) => p50 - directRounds.oneClient.p50Ms[i]!,
        );
        const toDirect = results.oneSubgraph.clients.requestsPerSecond.map(
          (rps, i) => rps / directRounds.clients.requestsPerSecond[i]!,
        );
        const toBaseline = results.threeSubgraphs!.clients.requestsPerSecond.map(
          (rps, i) => rps / baseline.threeSubgraphs!.clients.requestsPerSecond[i]!,
        );
        const underAttack = results.underAttack?.oneClient.p50Ms.map(
          (p50, i) => p50 / results.oneSubgraph.oneClient.p50Ms[i]!,
        );
        return [
          name,
          {
            addedP50Ms: ratioOf(added, 1.0),
            rpsToDirect: ratioOf(toDirect, 0.8),
            threeSubgraphRpsToBaseline: ratioOf(toBaseline, 2),
            ...(underAttack ? { underAttackToIdleP50: ratioOf(underAttack, 1.5) } : {}),
          },
        ];
      }),
    );
    return {
      environment,
      loadAverage: { start: loadAtStart, end: loadavg() },
      plan: { ...PLAN, queries: { oneSubgraph: ONE_SUBGRAPH, threeSubgraphs: THREE_SUBGRAPHS } },
      results: measured.map((target) => target.results),
      ratios,
    };
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}

const fixed = (digits: number) => (value: number) => value.toFixed(digits);
const whole = (value: number) => Math.round(value).toLocaleString('en-US');

function cell(values: readonly number[], format: (value: number) => string): string {
  if (values.length === 0) return '–';
  return `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
}

function ratioCell(ratio: Ratio | undefined, format: (value: number) => string): string {
  return ratio === undefined ? '' : cell(ratio.perRound, format);
}

function resultsTable(results: GatewayResults): string {
  const columns = [
    { title: 'target', align: 'left' },
    { title: 'p50 ms, 1 client', align: 'right' },
    { title: 'added p50 ms (≤ 1.0)', align: 'right' },
    { title: 'RPS, 16 clients', align: 'right' },
    { title: '× direct (≥ 0.8)', align: 'right' },
    { title: 'RPS, 3 subgraphs, 16 clients', align: 'right' },
    { title: '× before (≥ 2)', align: 'right' },
    { title: 'CPU ms/request, 1 / 3 subgraphs', align: 'right' },
    { title: `p50 × idle, ${ATTACKERS} clients sending refused documents (≤ 1.5)`, align: 'right' },
  ] as const;
  const rows = results.results.map((engine) => {
    const ratio = results.ratios[engine.name];
    const cpuOne = engine.oneSubgraph.clients.cpuMsPerRequest;
    const cpuThree = engine.threeSubgraphs?.clients.cpuMsPerRequest ?? [];
    return [
      `${engine.name}: ${engine.label}`,
      cell(engine.oneSubgraph.oneClient.p50Ms, fixed(2)),
      ratioCell(ratio?.addedP50Ms, fixed(2)),
      cell(engine.oneSubgraph.clients.requestsPerSecond, whole),
      ratioCell(ratio?.rpsToDirect, fixed(2)),
      engine.threeSubgraphs ? cell(engine.threeSubgraphs.clients.requestsPerSecond, whole) : '',
      ratioCell(ratio?.threeSubgraphRpsToBaseline, fixed(2)),
      [cpuOne, cpuThree]
        .filter((values) => values.length > 0)
        .map((values) => fixed(2)(median(values)))
        .join(' / '),
      ratioCell(ratio?.underAttackToIdleP50, fixed(2)),
    ];
  });
  return markdownTable(columns, rows);
}

const startedAt = new Date();
const folder = createBenchFolder();
process.once('SIGINT', () => {
  removeBenchFolder(folder);
  process.exit(130);
});
try {
  const results = await run(folder, startedAt);
  console.log(`\n${resultsTable(results)}\n`);
  const load = (values: readonly number[]) => values.map((value) => value.toFixed(1)).join(' / ');
  console.log(
    `Load average (1 / 5 / 15 min) at start ${load(results.loadAverage.start)}, at end ${load(results.loadAverage.end)}; ${results.environment.cpuCount} CPUs.`,
  );
  console.log(
    'Each cell: median of the rounds (lowest–highest). Ratios are taken within each round. CPU: the serving process only.',
  );
  console.log(
    'Targets: added p50 ≤ 1.0 ms at 1 client; RPS at 16 clients ≥ 0.8 × the subgraph’s; three subgraphs ≥ 2 × before ADR 5; a simple query’s p50 while 4 clients send refused documents ≤ 1.5 × idle.',
  );
  console.log(`Full results: ${writeReport('gateway', results)}`);
} finally {
  removeBenchFolder(folder);
}
