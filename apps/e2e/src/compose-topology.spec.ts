/**
 * The production-like topology as written: docker-compose.yml, the Dockerfile and .dockerignore,
 * read as files. No Docker is needed (CI has none), so this checks structure and settings, not that
 * the containers start; `docker compose config` validates the file itself (see README).
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// yaml 1.x is CommonJS: one default import.
import YAML from 'yaml';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the launcher's service list is what `npm start` runs
import { SERVICES } from '../../../tools/launcher.mjs';

type Node = Record<string, unknown>;

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (file: string): string => readFileSync(`${ROOT}${file}`, 'utf8');

const composeText = read('docker-compose.yml');
// Compose resolves YAML anchors and merge keys (`<<`) the same way.
const compose = YAML.parse(composeText, { merge: true }) as Node;
const services = compose['services'] as Record<string, Node>;

const BACKING = ['postgres', 'kurrentdb', 'kafka'] as const;
const SUBGRAPHS = ['regions', 'procedures', 'accountability'] as const;
const APPS = [...SUBGRAPHS, 'gateway'] as const;

/**
 * What `docker compose config` makes of a value with no .env and nothing exported: `${NAME:-default}`
 * and `${NAME-default}` give the default, `${NAME}` gives nothing, `$$` is a dollar sign.
 */
function interpolate(value: unknown): string {
  return String(value).replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}/g,
    (whole, _name: string | undefined, operator: string | undefined, fallback: string | undefined) => {
      if (whole === '$$') return '$';
      return operator === undefined ? '' : (fallback ?? '');
    },
  );
}

function service(name: string): Node {
  const found = services[name];
  if (found === undefined) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

function environment(name: string): Record<string, string> {
  const env = (service(name)['environment'] ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, interpolate(value)]));
}

function dependsOn(name: string): Record<string, { condition?: string }> {
  return (service(name)['depends_on'] ?? {}) as Record<string, { condition?: string }>;
}

function publishedPorts(name: string): string[] {
  return ((service(name)['ports'] ?? []) as unknown[]).map(interpolate);
}

function launched(name: string) {
  const found = SERVICES.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`tools/launcher.mjs does not start "${name}"`);
  return found;
}

describe('docker-compose.yml', () => {
  it('names every service of the topology', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining([...BACKING, ...APPS]));
    expect(compose['name']).toBe('redtape');
  });

  it('pins every third-party image by an exact version, never latest', () => {
    for (const name of BACKING) {
      const image = String(service(name)['image']);
      expect(image).not.toMatch(/:latest$|@sha256:$/);
      // registry/path:MAJOR.MINOR.PATCH, optionally with a distribution suffix (-bookworm)
      expect(image).toMatch(/^[a-z0-9./-]+:\d+\.\d+(\.\d+)?(-[a-z0-9]+)?$/);
    }
    expect(service('kafka')['image']).toBe('apache/kafka:4.1.0');
    expect(String(service('postgres')['image'])).toMatch(/^postgres:15\.\d+(-[a-z]+)?$/);
    expect(String(service('kurrentdb')['image'])).toMatch(
      /^docker\.kurrent\.io\/kurrent-(lts|latest)\/kurrentdb:\d+\.\d+\.\d+$/,
    );
  });

  it('builds the services and the gateway as one image from the Dockerfile', () => {
    const images = new Set(APPS.map((name) => interpolate(service(name)['image'])));
    expect(images.size).toBe(1);
    expect([...images][0]).not.toMatch(/:latest$/);
    for (const name of APPS)
      expect(service(name)['build']).toEqual({ context: '.', dockerfile: 'Dockerfile' });
  });

  it('starts each service from the same dist/main.js as npm start', () => {
    for (const name of APPS) {
      expect(service(name)['command']).toEqual(['node', launched(name).main]);
      expect(environment(name)[launched(name).portVariable]).toBe(String(launched(name).defaultPort));
    }
  });

  it('gives every service a health check, the Node services on their own /health', () => {
    for (const name of [...BACKING, ...APPS]) {
      const test = (service(name)['healthcheck'] as Node | undefined)?.['test'];
      expect(Array.isArray(test) && test.length > 1).toBe(true);
    }
    for (const name of APPS) {
      const test = (service(name)['healthcheck'] as Node)['test'] as string[];
      // The runtime image has no curl: Node's own fetch.
      expect(test.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
      expect(test[3]).toContain(`http://127.0.0.1:${launched(name).defaultPort}/health`);
    }
    expect(JSON.stringify(service('kurrentdb')['healthcheck'])).toContain('/health/live');
    expect(JSON.stringify(service('kafka')['healthcheck'])).toContain('/opt/kafka/bin/');
    expect(JSON.stringify(service('postgres')['healthcheck'])).toContain('pg_isready');
  });

  it('keeps the data of PostgreSQL, KurrentDB and Kafka in named volumes', () => {
    const declared = Object.keys((compose['volumes'] ?? {}) as Node);
    const dataDirs = {
      postgres: '/var/lib/postgresql/data',
      kurrentdb: '/var/lib/kurrentdb',
      kafka: '/var/lib/kafka/data',
    };
    for (const [name, dataDir] of Object.entries(dataDirs)) {
      const mounts = (service(name)['volumes'] ?? []) as string[];
      const mount = mounts.find((entry) => entry.endsWith(`:${dataDir}`));
      expect(mount).toBeDefined();
      const source = String(mount).split(':')[0] ?? '';
      // A named volume, not a bind mount of a host folder.
      expect(source).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(declared).toContain(source);
    }
    expect(environment('kafka')['KAFKA_LOG_DIRS']).toBe(dataDirs.kafka);
  });

  it('starts the services after their stores and the gateway after the services, once healthy', () => {
    for (const name of SUBGRAPHS)
      for (const store of BACKING) expect(dependsOn(name)[store]?.condition).toBe('service_healthy');
    for (const name of SUBGRAPHS) expect(dependsOn('gateway')[name]?.condition).toBe('service_healthy');
  });

  it('publishes only to 127.0.0.1, and no subgraph at all so that they scale out', () => {
    for (const name of Object.keys(services))
      for (const port of publishedPorts(name)) expect(port).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
    expect(publishedPorts('gateway')).toEqual(['127.0.0.1:4000:4000']);
    for (const name of SUBGRAPHS) {
      expect(publishedPorts(name)).toEqual([]);
      expect(service(name)['container_name']).toBeUndefined();
    }
  });

  it('runs the subgraphs on KurrentDB, PostgreSQL and Kafka in production mode', () => {
    const postgres = environment('postgres');
    const advertised = environment('kafka')['KAFKA_ADVERTISED_LISTENERS'] ?? '';
    for (const name of SUBGRAPHS) {
      const env = environment(name);
      expect(env).toMatchObject({
        NODE_ENV: 'production',
        HOST: '0.0.0.0',
        EVENT_STORE: 'kurrentdb',
        READ_MODELS: 'postgres',
        KURRENTDB_URL: 'kurrentdb://kurrentdb:2113?tls=false',
      });
      const database = new URL(env['DATABASE_URL'] ?? '');
      expect(database.protocol).toBe('postgres:');
      expect(database.host).toBe('postgres:5432');
      expect(database.username).toBe(postgres['POSTGRES_USER']);
      expect(decodeURIComponent(database.password)).toBe(postgres['POSTGRES_PASSWORD']);
      expect(database.pathname).toBe(`/${postgres['POSTGRES_DB']}`);
      // Every broker the services are given is one the broker advertises.
      for (const broker of (env['KAFKA_BROKERS'] ?? '').split(','))
        expect(advertised).toContain(`://${broker}`);
    }
  });

  it('gives the gateway the subgraphs by their service names and every Node service its secrets', () => {
    const gateway = environment('gateway');
    expect(gateway).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0' });
    for (const name of SUBGRAPHS) {
      const variable = `${name.toUpperCase()}_URL`;
      expect(gateway[variable]).toBe(`http://${name}:${launched(name).defaultPort}/graphql`);
    }
    const secrets = ['REDTAPE_JWT_SECRET', 'REDTAPE_GATEWAY_SECRET'];
    for (const name of APPS)
      for (const secret of secrets) {
        // Required in production and at least 32 characters; the defaults say they are local-only.
        expect((environment(name)[secret] ?? '').length).toBeGreaterThanOrEqual(32);
        expect(environment(name)[secret]).toContain('local-only');
        expect(environment(name)[secret]).toBe(environment('gateway')[secret]);
      }
  });

  it('says that insecure KurrentDB is for local use only', () => {
    expect(environment('kurrentdb')).toMatchObject({
      KURRENTDB_INSECURE: 'true',
      KURRENTDB_RUN_PROJECTIONS: 'None',
    });
    expect(composeText).toMatch(/LOCAL USE ONLY/);
    expect(composeText).toMatch(/--scale procedures=3/);
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages.at(-1) ?? '';

  it('builds in stages from pinned Node images and runs as the non-root node user', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const nodeVersion = /^ARG NODE_VERSION=(\S+)$/m.exec(dockerfile)?.[1];
    expect(nodeVersion).toMatch(/^20\.\d+\.\d+$/);
    // Each stage starts from a pinned Node image or from an earlier stage.
    const earlier = new Set<string>();
    for (const stage of stages) {
      const match = /^(\S+) AS (\S+)/.exec(stage);
      expect(match).not.toBeNull();
      const [, base = '', name = ''] = match ?? [];
      if (!earlier.has(base)) expect(base).toMatch(/^node:\$\{NODE_VERSION\}-bookworm(-slim)?$/);
      earlier.add(name);
    }
    expect(runtime).toMatch(/^node:\$\{NODE_VERSION\}-bookworm-slim AS runtime/);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/NODE_ENV=production/);
    expect(runtime).not.toMatch(/npm ci(?! --omit=dev)/);
  });

  it('compiles in a build stage and ships production dependencies only', () => {
    expect(dockerfile).toMatch(/RUN npm ci\n/);
    expect(dockerfile).toMatch(/npm run build/);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    // What the services read at start besides their code.
    expect(dockerfile).toContain('apps/*/schema.graphql');
    expect(dockerfile).toContain('apps/regions/reference-data');
  });

  it('leaves local state and build output out of the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'));
    for (const entry of ['**/node_modules', '**/dist', 'data', 'reports', '.git', '.nx', '.env'])
      expect(ignored).toContain(entry);
  });
});
