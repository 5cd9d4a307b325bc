/**
 * The dependency rules of `npm run lint` (eslint.config.js), each shown failing on a deliberate
 * violation, with a control that lints clean, so that a rule that silently stopped working (a tag
 * renamed, a missing Nx graph) fails here instead of letting everything through.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: repositoryRoot });

/** The rules the workspace's lint reports for `source` as if it were the file `path`. */
async function ruleIdsFor(path: string, source: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(source, { filePath: `${repositoryRoot}${path}` });
  return result!.messages.map((message) => message.ruleId ?? message.message);
}

const importing = (specifier: string, name = 'imported') =>
  `import { ${name} } from '${specifier}';\nexport const used = ${name};\n`;

// The boundary rule reads Nx's project graph and, without one, reports nothing at all: compute it
// first, as `npm run lint` does.
beforeAll(() => {
  const nx = spawnSync(process.execPath, ['node_modules/nx/dist/bin/nx.js', 'show', 'projects'], {
    cwd: repositoryRoot,
    env: { ...process.env, NX_DAEMON: 'false' },
    encoding: 'utf8',
  });
  if (nx.status !== 0) throw new Error(`nx could not build the project graph: ${nx.stderr}`);
}, 60_000);

describe('what lint lets the gateway import', () => {
  const gatewayFile = 'apps/gateway/src/violation.ts';

  it('refuses the subgraphs’ service kit, which brings the storage stack', async () => {
    expect(await ruleIdsFor(gatewayFile, importing('@redtape/service-kit', 'createLogger'))).toContain(
      '@nx/enforce-module-boundaries',
    );
  });

  it('refuses a database driver', async () => {
    expect(
      await ruleIdsFor(
        gatewayFile,
        `import Database from 'better-sqlite3';\nexport const used = Database;\n`,
      ),
    ).toContain('@nx/enforce-module-boundaries');
  });

  it('accepts what the gateway does import', async () => {
    expect(await ruleIdsFor(gatewayFile, importing('@redtape/platform', 'createLogger'))).toEqual([]);
  });
});

describe('what lint lets a context import', () => {
  it('refuses another context’s domain', async () => {
    const procedures = await ruleIdsFor(
      'libs/procedures/domain/src/violation.ts',
      importing('@redtape/accountability-domain', 'instructionDecider'),
    );
    const regions = await ruleIdsFor(
      'apps/regions/src/violation.ts',
      importing('@redtape/procedures-domain', 'procedureDecider'),
    );

    expect(procedures).toContain('@nx/enforce-module-boundaries');
    expect(regions).toContain('@nx/enforce-module-boundaries');
  });

  it('refuses the procedures’ domain to accountability, which reads procedures only through their contract', async () => {
    const app = await ruleIdsFor(
      'apps/accountability/src/violation.ts',
      importing('@redtape/procedures-domain', 'evolveProcedure'),
    );
    const domain = await ruleIdsFor(
      'libs/accountability/domain/src/violation.ts',
      importing('@redtape/procedures-domain', 'IN_FORCE_STATUSES'),
    );
    const contract = await ruleIdsFor(
      'apps/accountability/src/violation.ts',
      importing('@redtape/procedures-domain/contract', 'PROCEDURES_CONTRACT'),
    );

    expect(app).toContain('no-restricted-imports');
    expect(domain).toContain('no-restricted-imports');
    expect(contract).toEqual([]);
  });

  it('refuses the regions’ domain to the mirror other services keep, which reads the map through its contract', async () => {
    const mirror = await ruleIdsFor(
      'libs/regions/mirror/src/violation.ts',
      importing('@redtape/regions-domain', 'unitDecider'),
    );
    const contract = await ruleIdsFor(
      'libs/regions/mirror/src/violation.ts',
      importing('@redtape/regions-domain/contract', 'REGIONS_CONTRACT'),
    );

    expect(mirror).toContain('no-restricted-imports');
    expect(contract).toEqual([]);
  });

  it('accepts its own domain and the shared kernel', async () => {
    expect(
      await ruleIdsFor('apps/regions/src/violation.ts', importing('@redtape/regions-domain', 'unitDecider')),
    ).toEqual([]);
    expect(
      await ruleIdsFor(
        'apps/regions/src/violation.ts',
        importing('@redtape/event-sourcing', 'CommandHandler'),
      ),
    ).toEqual([]);
  });
});

describe('what lint lets a context’s application layer import', () => {
  const applicationFile = 'libs/procedures/application/src/violation.ts';

  it('refuses a web framework, and the service kit’s index, which loads one', async () => {
    const nest = await ruleIdsFor(applicationFile, importing('@nestjs/common', 'Injectable'));
    const kit = await ruleIdsFor(applicationFile, importing('@redtape/service-kit', 'authorize'));

    expect(nest).toContain('@nx/enforce-module-boundaries');
    expect(kit).toContain('no-restricted-imports');
  });

  it('accepts the service kit’s application entry and its own read model', async () => {
    expect(
      await ruleIdsFor(applicationFile, importing('@redtape/service-kit/application', 'authorize')),
    ).toEqual([]);
    expect(
      await ruleIdsFor(applicationFile, importing('@redtape/procedures-read-model', 'ProceduresQueries')),
    ).toEqual([]);
  });
});

describe('what lint lets reach an event store', () => {
  it('refuses the KurrentDB client anywhere but its adapter', async () => {
    const app = await ruleIdsFor(
      'apps/procedures/src/violation.ts',
      importing('@kurrent/kurrentdb-client', 'KurrentDBClient'),
    );
    const adapter = await ruleIdsFor(
      'libs/event-store/src/kurrentdb/violation.ts',
      importing('@kurrent/kurrentdb-client', 'KurrentDBClient'),
    );

    expect(app).toContain('no-restricted-imports');
    expect(adapter).toEqual([]);
  });

  it('refuses an adapter in the kernel or a domain, which know only the port', async () => {
    const kernel = await ruleIdsFor(
      'libs/event-sourcing/src/violation.ts',
      importing('@redtape/event-store/sqlite', 'SqliteEventStore'),
    );
    const domain = await ruleIdsFor(
      'libs/procedures/domain/src/violation.ts',
      importing('@redtape/event-store/postgres', 'PostgresEventStore'),
    );
    const port = await ruleIdsFor(
      'libs/event-sourcing/src/violation.ts',
      `import type { EventStore } from '@redtape/event-store';\nexport type Used = EventStore;\n`,
    );

    expect(kernel).toContain('no-restricted-imports');
    expect(domain).toContain('no-restricted-imports');
    expect(port).toEqual([]);
  });
});

describe('what lint lets ship', () => {
  const testHelper = importing('@redtape/testing', 'eventually');

  it.each([
    ['a library', 'libs/event-store/src/violation.ts', testHelper],
    ['the KurrentDB adapter', 'libs/event-store/src/kurrentdb/violation.ts', testHelper],
    [
      'an app',
      'apps/procedures/src/violation.ts',
      importing('@redtape/event-store/testing', 'openTemporarySqliteStore'),
    ],
  ])('refuses test helpers in %s, which ships', async (_, path, source) =>
    expect(await ruleIdsFor(path, source)).toContain('no-restricted-imports'),
  );

  it.each([
    ['a spec', 'libs/event-store/src/violation.spec.ts'],
    ['a testing entry point', 'libs/event-store/src/testing/violation.ts'],
  ])('accepts them in %s', async (_, path) => expect(await ruleIdsFor(path, testHelper)).toEqual([]));
});
