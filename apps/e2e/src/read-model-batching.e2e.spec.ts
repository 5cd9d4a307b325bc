import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@redtape/testing';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  graphql,
  newDeployment,
  startRedtape,
  tokenFor,
  type Deployment,
  type RunningSystem,
} from './system.js';

const STARTUP_TIMEOUT_MS = 120_000;
const SEED_TIMEOUT_MS = 240_000;
const SERVICES = ['regions', 'procedures', 'accountability'] as const;
type Service = (typeof SERVICES)[number];

interface UnitWithAuthorities {
  id: string;
  authorities: { id: string }[];
}

interface ListedUnit {
  id: string;
  head: { name: string } | null;
  procedures: { responsibleOfficial: { name: string } | null }[];
}

/** What a list of units shows, reaching into all three subgraphs and back (the head's unit). */
const UNITS_WITH_ACCOUNTABILITY = `
  query ($kind: UnitKind) {
    units(kind: $kind) {
      id
      head {
        name
        currentPosition {
          unit {
            name
          }
        }
      }
      officials {
        name
      }
      scorecard {
        open
        proceduresResponsible
        requirementsRemovedSinceBaseline
      }
      procedures {
        title
        responsibleOfficial {
          name
        }
      }
    }
  }
`;

/** The lines each service has appended to the statement log so far (REDTAPE_STATEMENT_LOG). */
function statementsSoFar(file: string): { service: Service; sql: string }[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as { service: Service; sql: string });
}

describe('a list of units with their head, officials, scorecard and procedures, through the gateway', () => {
  let deployment: Deployment;
  let system: RunningSystem;
  let statementLog: string;
  let seededUnits: number;

  /** Runs the query for the units of one kind (all of them when undefined) and counts each service's statements. */
  async function statementsFor(kind: string | undefined) {
    const before = statementsSoFar(statementLog).length;
    const response = await graphql<{ units: ListedUnit[] }>(system.gatewayUrl, UNITS_WITH_ACCOUNTABILITY, {
      variables: { kind },
    });
    expect(response.errors).toBeUndefined();
    const ran = statementsSoFar(statementLog).slice(before);
    const perService = Object.fromEntries(
      SERVICES.map((service) => [service, ran.filter((line) => line.service === service).length]),
    ) as Record<Service, number>;
    return { units: response.data!.units, perService };
  }

  beforeAll(async () => {
    deployment = await newDeployment();
    statementLog = join(deployment.dataDir, 'statements.log');
    system = await startRedtape(deployment, { REDTAPE_STATEMENT_LOG: statementLog });
  }, STARTUP_TIMEOUT_MS);

  beforeAll(async () => {
    const cabinet = await tokenFor('cabinet');
    const change = async (mutation: string, input: Record<string, unknown>) => {
      const response = await graphql(system.gatewayUrl, mutation, { token: cabinet, variables: { input } });
      expect(response.errors).toBeUndefined();
    };
    const map = await graphql<{ units: UnitWithAuthorities[] }>(
      system.gatewayUrl,
      '{ units { id authorities { id } } }',
    );
    const governed = map.data!.units.filter((unit) => unit.authorities.length > 0);
    // Every unit with an authority gets a head, a procedure and an instruction, so that each field
    // of the query has rows to find whichever units are asked for.
    for (const [index, unit] of governed.entries()) {
      const officialId = `batching-head-${index}`;
      const authorityId = unit.authorities[0]!.id;
      await change(`mutation($input: RegisterOfficialInput!) { registerOfficial(input: $input) { id } }`, {
        officialId,
        name: `Head ${index} (e2e)`,
      });
      await change(`mutation($input: AppointOfficialInput!) { appointOfficial(input: $input) { id } }`, {
        officialId,
        authorityId,
        title: 'Head',
        head: true,
        appointedOn: '2025-12-01',
      });
      await change(`mutation($input: RegisterProcedureInput!) { registerProcedure(input: $input) { id } }`, {
        procedureId: `batching-procedure-${index}`,
        authorityId,
        title: `Permit ${index}`,
        category: 'licensing',
        decisionDays: 30,
        requirements: [{ id: 'application', name: 'Application form' }],
      });
      await change(`mutation($input: IssueInstructionInput!) { issueInstruction(input: $input) { id } }`, {
        instructionId: `batching-instruction-${index}`,
        text: 'Shorten decision times',
        issuedOn: '2026-01-15',
        deadline: '2099-12-31',
        assigneeOfficialId: officialId,
      });
    }
    seededUnits = governed.length;
    // Accountability learns of the procedures from the procedures' events, a moment later.
    await eventually(
      async () => {
        const { units } = await statementsFor(undefined);
        const procedures = units.flatMap((unit) => unit.procedures);
        return (
          procedures.length === seededUnits && procedures.every((one) => one.responsibleOfficial !== null)
        );
      },
      30_000,
      'accountability to know who answers for every seeded procedure',
    );
  }, SEED_TIMEOUT_MS);

  afterAll(async () => {
    await system?.stop();
    await deployment?.dispose();
  }, STARTUP_TIMEOUT_MS);

  it('given a few regions and then every unit, when both lists are asked for, then each subgraph runs as many statements for the long list as for the short one', async () => {
    const regions = await statementsFor('REGION');
    const everyUnit = await statementsFor(undefined);

    expect(regions.units.length).toBeLessThanOrEqual(10);
    expect(everyUnit.units.length).toBeGreaterThanOrEqual(50);
    expect(everyUnit.units.filter((unit) => unit.head !== null)).toHaveLength(seededUnits);
    // Every subgraph did read (the log works), and no more for ten times the units.
    for (const service of SERVICES) expect(regions.perService[service]).toBeGreaterThan(0);
    expect(everyUnit.perService).toEqual(regions.perService);
  });
});
