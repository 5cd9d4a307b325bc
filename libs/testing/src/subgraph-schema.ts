import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GATEWAY_SECRET_HEADER } from '@redtape/auth';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface StartedSubgraph {
  readonly app: { close(): Promise<void> };
  readonly url: string;
}

const GATEWAY_SECRET = 'subgraph-schema-check-gateway-secret-0123456789';

/**
 * A subgraph's SDL is a published contract: the gateway composes the checked-in file. This suite
 * starts the subgraph on a fresh data folder and fails when its `_service { sdl }` drifts from the
 * file; with REDTAPE_WRITE_SCHEMAS=1 (`npm run schemas:write`) it records a deliberate change instead.
 */
export function checkedInSubgraphSchema(
  name: string,
  schemaFile: string,
  start: (env: NodeJS.ProcessEnv) => Promise<StartedSubgraph>,
): void {
  describe(`${name} subgraph schema`, () => {
    let dataDir: string;
    let service: StartedSubgraph;

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), `redtape-${name}-schema-`));
      service = await start({
        REDTAPE_DATA_DIR: dataDir,
        [`${name.toUpperCase()}_PORT`]: '0',
        REDTAPE_JWT_SECRET: 'subgraph-schema-check-jwt-secret-0123456789',
        REDTAPE_GATEWAY_SECRET: GATEWAY_SECRET,
        LOG_LEVEL: 'warn',
      });
    }, 60_000);

    afterAll(async () => {
      await service?.app.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it(`matches the SDL checked in as ${name}/schema.graphql`, async () => {
      const response = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [GATEWAY_SECRET_HEADER]: GATEWAY_SECRET },
        body: JSON.stringify({ query: '{ _service { sdl } }' }),
      });
      const body = (await response.json()) as { data: { _service: { sdl: string } } };
      const sdl = `${body.data._service.sdl.trim()}\n`;
      if (process.env['REDTAPE_WRITE_SCHEMAS'] === '1') writeFileSync(schemaFile, sdl);
      expect(sdl).toBe(readFileSync(schemaFile, 'utf8'));
    });
  });
}
