import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { instructionStream } from '@redtape/accountability-domain';
import { eventually } from '@redtape/testing';
import {
  eventStoreHead,
  eventsOf,
  graphql,
  newDeployment,
  startRedtape,
  tokenFor,
  type Backend,
  type Deployment,
  type RunningSystem,
} from './system.js';

const STARTUP_TIMEOUT_MS = 120_000;
const INSTRUCTION = 'e2e-nookat-duplicative-functions';

const codesOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  (response.errors ?? []).map((error) => error.extensions?.['code']);

async function eventTypesOf(deployment: Deployment, streamId: string): Promise<string[]> {
  return (await eventsOf(deployment, streamId)).map((event) => event.type);
}

/** The acceptance tests of the accountability issue, run against the given storage. */
export function accountabilityAcceptance(backend: Backend): void {
  describe(`accountability through the gateway, as a user runs it (${backend})`, () => {
    let deployment: Deployment;
    let system: RunningSystem;
    let cabinet: string;
    const url = () => system.gatewayUrl;
    const as = async (token: string, query: string, input: Record<string, unknown>) =>
      graphql(url(), query, { token, variables: { input } });

    beforeAll(async () => {
      deployment = await newDeployment(backend);
      system = await startRedtape(deployment);
      cabinet = await tokenFor('cabinet');
      const steps = [
        as(cabinet, `mutation($input: RegisterOfficialInput!) { registerOfficial(input: $input) { id } }`, {
          officialId: 'akim-nookat',
          name: 'Akim of Nookat (e2e)',
        }),
      ];
      for (const step of steps) expect((await step).errors).toBeUndefined();
      for (const [query, input] of [
        [
          `mutation($input: AppointOfficialInput!) { appointOfficial(input: $input) { id } }`,
          {
            officialId: 'akim-nookat',
            authorityId: 'district-akimat/nookat',
            title: 'Akim',
            head: true,
            appointedOn: '2025-12-01',
          },
        ],
        [
          `mutation($input: HoldMeetingInput!) { holdMeeting(input: $input) { id } }`,
          {
            meetingId: 'e2e-cabinet-2026-01-15',
            heldOn: '2026-01-15',
            level: 'CABINET',
            title: 'Debureaucratization in the regions',
            chair: 'Chairman of the Cabinet of Ministers',
            agenda: ['Stage 2: the regions'],
          },
        ],
        [
          `mutation($input: IssueInstructionInput!) { issueInstruction(input: $input) { id status } }`,
          {
            instructionId: INSTRUCTION,
            meetingId: 'e2e-cabinet-2026-01-15',
            text: 'Eliminate duplicative functions and shorten decision times',
            issuedOn: '2026-01-15',
            deadline: '2026-03-01',
            assigneeOfficialId: 'akim-nookat',
          },
        ],
        [
          `mutation($input: RegisterProcedureInput!) { registerProcedure(input: $input) { id } }`,
          {
            procedureId: 'e2e-nookat-land-certificate',
            authorityId: 'district-akimat/nookat',
            title: 'Land use certificate',
            category: 'land',
            decisionDays: 30,
            requirements: [{ id: 'application', name: 'Application form' }],
          },
        ],
      ] as const) {
        const response = await as(cabinet, query, input);
        expect(response.errors).toBeUndefined();
      }
    }, STARTUP_TIMEOUT_MS);

    afterAll(async () => {
      await system?.stop();
      await deployment?.dispose();
    }, STARTUP_TIMEOUT_MS);

    it('turns the instruction OVERDUE once its deadline has passed without completion', async () => {
      const status = await eventually(
        async () => {
          const response = await graphql<{ instruction: { status: string } }>(
            url(),
            `{ instruction(id: "${INSTRUCTION}") { status } }`,
          );
          return response.data?.instruction.status === 'OVERDUE' ? 'OVERDUE' : false;
        },
        20_000,
        'the deadline watcher to mark the instruction overdue',
      );
      expect(status).toBe('OVERDUE');
    });

    it(
      'holds exactly one InstructionBecameOverdue after two restarts',
      async () => {
        for (let restart = 0; restart < 2; restart++) {
          await system.stop();
          system = await startRedtape(deployment);
        }
        expect(await eventTypesOf(deployment, instructionStream(INSTRUCTION))).toEqual([
          'InstructionIssued',
          'InstructionBecameOverdue',
        ]);
      },
      STARTUP_TIMEOUT_MS,
    );

    it('names the head of the owning authority as responsible for a Nookat procedure', async () => {
      const response = await graphql(
        url(),
        `
          {
            procedure(id: "e2e-nookat-land-certificate") {
              title
              responsibleOfficial {
                id
                name
              }
            }
          }
        `,
      );
      expect(response.data).toEqual({
        procedure: {
          title: 'Land use certificate',
          responsibleOfficial: { id: 'akim-nookat', name: 'Akim of Nookat (e2e)' },
        },
      });
    });

    it('refuses a deadline before the issue date, an unknown assignee and a report by someone else, appending nothing', async () => {
      const head = await eventStoreHead(deployment);
      const issue = `mutation($input: IssueInstructionInput!) { issueInstruction(input: $input) { id } }`;
      const early = await as(cabinet, issue, {
        text: 'Too late already',
        issuedOn: '2026-03-01',
        deadline: '2026-02-01',
        assigneeOfficialId: 'akim-nookat',
      });
      const unknown = await as(cabinet, issue, {
        text: 'To nobody',
        issuedOn: '2026-03-01',
        deadline: '2026-04-01',
        assigneeOfficialId: 'nobody-at-all',
      });
      const otherOfficial = await tokenFor('official', 'district/nookat', 'deputy-nookat');
      const report = await as(
        otherOfficial,
        `mutation($input: ReportProgressInput!) { reportProgress(input: $input) { status } }`,
        {
          instructionId: INSTRUCTION,
          reportedOn: '2026-02-01',
          text: 'Not mine to report',
        },
      );
      expect(codesOf(early)).toEqual(['BAD_USER_INPUT']);
      expect(codesOf(unknown)).toEqual(['BAD_USER_INPUT']);
      expect(codesOf(report)).toEqual(['FORBIDDEN']);
      expect(await eventStoreHead(deployment)).toBe(head);
    });

    it('flags the instruction unassigned when the akim is relieved, and shows it in one query across subgraphs', async () => {
      const relieved = await as(
        cabinet,
        `mutation($input: RelieveOfficialInput!) { relieveOfficialOfDuties(input: $input) { currentPosition { title } } }`,
        {
          officialId: 'akim-nookat',
          authorityId: 'district-akimat/nookat',
          relievedOn: '2026-03-15',
          reason: 'relieved of duties by the Cabinet',
        },
      );
      expect(relieved.data).toEqual({ relieveOfficialOfDuties: { currentPosition: null } });

      const response = await graphql(
        url(),
        `
          {
            unit(id: "district/nookat") {
              name
              head {
                name
              }
              instructions {
                id
                status
                unassigned
                assignee {
                  id
                }
              }
              scorecard {
                overdue
                unassigned
              }
            }
          }
        `,
      );
      expect(response).toEqual({
        status: 200,
        data: {
          unit: {
            name: 'Nookat District',
            head: null,
            instructions: [{ id: INSTRUCTION, status: 'OVERDUE', unassigned: true, assignee: null }],
            scorecard: { overdue: 1, unassigned: 1 },
          },
        },
      });
    });
  });
}
