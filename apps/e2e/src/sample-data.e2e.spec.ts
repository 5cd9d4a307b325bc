import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PROCEDURE_EVENT_TYPES } from '@redtape/procedures-domain';
import { eventually } from '@redtape/testing';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { graphql, newDataDir, removeDataDir, startRedtape, tokenFor, type RunningSystem } from './system.js';

const STARTUP_TIMEOUT_MS = 120_000;
const SEED = fileURLToPath(new URL('../../procedures/dist/seed/seed-sample.js', import.meta.url));

async function seedSample(dataDir: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [SEED], {
    env: { PATH: process.env['PATH'], REDTAPE_DATA_DIR: dataDir },
  });
  return stdout;
}

describe('the illustrative sample data (npm run seed:sample)', () => {
  let dataDir: string;
  let system: RunningSystem;

  beforeAll(async () => {
    dataDir = newDataDir();
    system = await startRedtape(dataDir);
  }, STARTUP_TIMEOUT_MS);

  afterAll(async () => {
    await system?.stop();
    removeDataDir(dataDir);
  }, STARTUP_TIMEOUT_MS);

  it('records a history that uses every procedure event type, labelled as illustrative, and only once', async () => {
    expect(await seedSample(dataDir)).toMatch(/illustrative sample: \d+ changes, [1-9]\d* new events/);
    expect(await seedSample(dataDir)).toMatch(/, 0 new events/);

    const token = await tokenFor('auditor');
    const trail = await eventually(
      async () => {
        const response = await graphql<{
          auditTrail: { totalCount: number; nodes: { eventType: string; reason: string }[] };
        }>(
          system.gatewayUrl,
          `
            {
              auditTrail(unitId: "country/kg", first: 200) {
                totalCount
                nodes {
                  eventType
                  reason
                }
              }
            }
          `,
          { token },
        );
        const entries = response.data?.auditTrail;
        return entries !== undefined && entries.totalCount >= PROCEDURE_EVENT_TYPES.length ? entries : false;
      },
      20_000,
      'the sample to reach the audit trail',
    );
    expect(new Set(trail.nodes.map((entry) => entry.eventType))).toEqual(new Set(PROCEDURE_EVENT_TYPES));
    expect(
      trail.nodes.every((entry) => entry.reason.startsWith('[illustrative sample, not a real decision]')),
    ).toBe(true);
  });

  it('shows Tokmok simplified against its baseline', async () => {
    const response = await graphql(
      system.gatewayUrl,
      `
        {
          unit(id: "city/tokmok") {
            reformMetrics {
              baselineDate
              baseline {
                totalRequirements
                totalDecisionDays
                totalFees {
                  amount
                }
              }
              now {
                totalRequirements
                totalDecisionDays
                totalFees {
                  amount
                }
              }
            }
          }
        }
      `,
    );
    expect(response.data).toEqual({
      unit: {
        reformMetrics: {
          baselineDate: '2026-01-15',
          baseline: { totalRequirements: 8, totalDecisionDays: 30, totalFees: { amount: 2000 } },
          now: { totalRequirements: 5, totalDecisionDays: 15, totalFees: { amount: 1000 } },
        },
      },
    });
  });
});
