import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GATEWAY_SECRET_HEADER } from '@redtape/auth';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRegions, type RunningService } from './start-regions.js';

const CHECKED_IN = fileURLToPath(new URL('../schema.graphql', import.meta.url));
const GATEWAY_SECRET = 'subgraph-schema-spec-gateway-secret-0123456789';

/**
 * The regions SDL is a published contract: the gateway composes the checked-in file. This test fails
 * when the code's schema drifts from it; `npm run schemas:write` records a deliberate change.
 */
describe('regions subgraph schema', () => {
  let dataDir: string;
  let service: RunningService;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'redtape-regions-schema-'));
    service = await startRegions({
      REDTAPE_DATA_DIR: dataDir,
      REGIONS_PORT: '0',
      REDTAPE_JWT_SECRET: 'subgraph-schema-spec-jwt-secret-0123456789',
      REDTAPE_GATEWAY_SECRET: GATEWAY_SECRET,
      LOG_LEVEL: 'warn',
    });
  });

  afterAll(async () => {
    await service.app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('matches the SDL checked in at apps/regions/schema.graphql', async () => {
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [GATEWAY_SECRET_HEADER]: GATEWAY_SECRET },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });
    const body = (await response.json()) as { data: { _service: { sdl: string } } };
    const sdl = `${body.data._service.sdl.trim()}\n`;
    if (process.env['REDTAPE_WRITE_SCHEMAS'] === '1') writeFileSync(CHECKED_IN, sdl);
    expect(sdl).toBe(readFileSync(CHECKED_IN, 'utf8'));
  });
});
