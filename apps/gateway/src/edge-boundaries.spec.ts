import { beforeAll, describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: repositoryRoot });

/** The rules the workspace's lint reports for `source` as if it were a file of the gateway. */
async function ruleIdsFor(source: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(source, {
    filePath: `${repositoryRoot}apps/gateway/src/violation.ts`,
  });
  return result!.messages.map((message) => message.ruleId);
}

describe('what lint lets the gateway import', () => {
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

  it('refuses the subgraphs’ service kit, which brings the storage stack', async () => {
    const rules = await ruleIdsFor(
      `import { createLogger } from '@redtape/service-kit';\nexport const made = createLogger;\n`,
    );

    expect(rules).toContain('@nx/enforce-module-boundaries');
  });

  it('refuses a database driver or a KurrentDB client', async () => {
    const driver = await ruleIdsFor(
      `import Database from 'better-sqlite3';\nexport const made = Database;\n`,
    );
    const kurrent = await ruleIdsFor(
      `import { KurrentDBClient } from '@kurrent/kurrentdb-client';\nexport const made = KurrentDBClient;\n`,
    );

    expect(driver).toContain('@nx/enforce-module-boundaries');
    expect(kurrent).toContain('@nx/enforce-module-boundaries');
  });

  it('accepts what the gateway does import (the rule is not simply refusing everything)', async () => {
    const rules = await ruleIdsFor(
      `import { createLogger } from '@redtape/platform';\nexport const made = createLogger;\n`,
    );

    expect(rules).toEqual([]);
  });
});
