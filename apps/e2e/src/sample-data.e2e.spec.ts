import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PROCEDURE_EVENT_TYPES } from '@redtape/procedures-domain';
import { eventually } from '@redtape/testing';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  graphql,
  newDeployment,
  startRedtape,
  tokenFor,
  type Deployment,
  type RunningSystem,
} from './system.js';

const STARTUP_TIMEOUT_MS = 120_000;
const SEEDS = ['procedures', 'accountability'].map((app) =>
  fileURLToPath(new URL(`../../${app}/dist/seed/seed-sample.js`, import.meta.url)),
);

/** What `npm run seed:sample` runs after its build: the procedures' half, then the accountability half. */
async function seedSample(dataDir: string): Promise<string> {
  let output = '';
  for (const seed of SEEDS) {
    const { stdout } = await promisify(execFile)(process.execPath, [seed], {
      env: { PATH: process.env['PATH'], REDTAPE_DATA_DIR: dataDir },
    });
    output += stdout;
  }
  return output;
}

describe('the illustrative sample data (npm run seed:sample)', () => {
  let deployment: Deployment;
  let system: RunningSystem;

  beforeAll(async () => {
    deployment = await newDeployment();
    system = await startRedtape(deployment);
  }, STARTUP_TIMEOUT_MS);

  afterAll(async () => {
    await system?.stop();
    await deployment?.dispose();
  }, STARTUP_TIMEOUT_MS);

  it('records a history that uses every procedure event type, labelled as illustrative, and only once', async () => {
    const first = await seedSample(deployment.dataDir);
    expect(first).toMatch(/illustrative sample: \d+ changes, [1-9]\d* new events/);
    expect(first).toMatch(/illustrative accountability sample: \d+ changes, [1-9]\d* new events/);
    const again = await seedSample(deployment.dataDir);
    expect(again.match(/, 0 new events/g)).toHaveLength(2);

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

  it('shows the sample heads, their instructions from the 2026-01-15 meeting, and what became of them', async () => {
    const response = await eventually(
      async () => {
        const answer = await graphql<{
          unit: { head: { name: string } | null; instructions: { text: string; status: string }[] };
        }>(
          system.gatewayUrl,
          `
            {
              unit(id: "district/nookat") {
                head {
                  name
                }
                instructions {
                  text
                  status
                  meeting {
                    heldOn
                  }
                }
              }
            }
          `,
        );
        const statuses = answer.data?.unit.instructions.map((instruction) => instruction.status) ?? [];
        return statuses.includes('OVERDUE') ? answer : false;
      },
      20_000,
      'the deadline watcher to mark the sample instruction overdue',
    );
    expect(response.data).toEqual({
      unit: {
        head: { name: 'Sample Akim of Nookat' },
        instructions: [
          {
            text: 'Eliminate duplicative functions in the local authorities of the unit',
            status: 'COMPLETED_LATE',
            meeting: { heldOn: '2026-01-15' },
          },
          {
            text: 'Shorten decision-making timelines of the unit’s procedures',
            status: 'OVERDUE',
            meeting: { heldOn: '2026-01-15' },
          },
        ],
      },
    });
  });
});
