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

    describe('responsibility that holds (issue #14, findings 1, 2, 4, 5, 6, 7)', () => {
      const TODAY = new Date().toISOString().slice(0, 10);
      const appoint = (officialId: string, authorityId: string, title: string, head: boolean) =>
        as(cabinet, `mutation($input: AppointOfficialInput!) { appointOfficial(input: $input) { id } }`, {
          officialId,
          authorityId,
          title,
          head,
          appointedOn: '2026-01-20',
        });
      const register = (officialId: string, name: string) =>
        as(cabinet, `mutation($input: RegisterOfficialInput!) { registerOfficial(input: $input) { id } }`, {
          officialId,
          name,
        });
      let narynMayorsOffice: string;

      beforeAll(async () => {
        for (const [id, name] of [
          ['e2e-akim-nookat-2', 'Second akim of Nookat (e2e)'],
          ['e2e-contender', 'Contender (e2e)'],
          ['e2e-deputy-nookat', 'Deputy akim of Nookat (e2e)'],
          ['e2e-mayor-naryn', 'Mayor of Naryn (e2e)'],
        ] as const)
          expect((await register(id, name)).errors).toBeUndefined();
        const naryn = await graphql<{ unit: { authorities: { id: string }[] } }>(
          url(),
          `
            {
              unit(id: "city/naryn") {
                authorities {
                  id
                }
              }
            }
          `,
        );
        narynMayorsOffice = naryn.data!.unit.authorities[0]!.id;
        expect((await appoint('e2e-mayor-naryn', narynMayorsOffice, 'Mayor', true)).errors).toBeUndefined();
        expect(
          (await appoint('e2e-akim-nookat-2', 'district-akimat/nookat', 'Akim', true)).errors,
        ).toBeUndefined();
      }, STARTUP_TIMEOUT_MS);

      it('makes nobody head by default: appointing without saying is refused as invalid input', async () => {
        const response = await as(
          cabinet,
          `mutation($input: AppointOfficialInput!) { appointOfficial(input: $input) { id } }`,
          {
            officialId: 'e2e-deputy-nookat',
            authorityId: 'district-akimat/nookat',
            title: 'Deputy akim',
            appointedOn: '2026-01-20',
          },
        );
        expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
      });

      it('keeps one head per authority: a second head is refused, a deputy beside the head is not', async () => {
        const second = await appoint('e2e-contender', 'district-akimat/nookat', 'Akim', true);
        const deputy = await appoint('e2e-deputy-nookat', 'district-akimat/nookat', 'Deputy akim', false);
        const head = await graphql<{ unit: { head: { id: string } | null } }>(
          url(),
          `
            {
              unit(id: "district/nookat") {
                head {
                  id
                }
              }
            }
          `,
        );

        expect(codesOf(second)).toEqual(['BAD_USER_INPUT']);
        expect(second.errors?.[0]?.message).toContain('e2e-akim-nookat-2');
        expect(deputy.errors).toBeUndefined();
        expect(head.data?.unit.head?.id).toBe('e2e-akim-nookat-2');
      });

      it('keeps responsibility within the official’s unit chain: Naryn’s mayor cannot answer for Nookat', async () => {
        const response = await as(
          cabinet,
          `mutation($input: AssignProcedureResponsibilityInput!) { assignProcedureResponsibility(input: $input) { id } }`,
          { procedureId: 'e2e-nookat-land-certificate', officialId: 'e2e-mayor-naryn', assignedOn: TODAY },
        );
        expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
        expect(response.errors?.[0]?.message).toContain('district/nookat');
      });

      it('refuses a relief dated in the future, and the position stays filled', async () => {
        const response = await as(
          cabinet,
          `mutation($input: RelieveOfficialInput!) { relieveOfficialOfDuties(input: $input) { id } }`,
          {
            officialId: 'e2e-mayor-naryn',
            authorityId: narynMayorsOffice,
            relievedOn: '2030-01-01',
            reason: 'end of term',
          },
        );
        const head = await graphql<{ unit: { head: { id: string } | null } }>(
          url(),
          `
            {
              unit(id: "city/naryn") {
                head {
                  id
                }
              }
            }
          `,
        );

        expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
        expect(head.data?.unit.head?.id).toBe('e2e-mayor-naryn');
      });

      it('lets the head report on an instruction to the authority, and refuses a completion dated in the future', async () => {
        const issued = await as(
          cabinet,
          `mutation($input: IssueInstructionInput!) { issueInstruction(input: $input) { id } }`,
          {
            instructionId: 'e2e-to-the-akimat',
            text: 'Publish the district’s procedures',
            issuedOn: '2026-02-01',
            deadline: '2099-12-31',
            authorityId: 'district-akimat/nookat',
          },
        );
        expect(issued.errors).toBeUndefined();
        const akim = await tokenFor('official', 'district/nookat', 'e2e-akim-nookat-2');

        const report = await as(
          akim,
          `mutation($input: ReportProgressInput!) { reportProgress(input: $input) { id status } }`,
          { instructionId: 'e2e-to-the-akimat', reportedOn: TODAY, text: 'Half the procedures published' },
        );
        const completion = await as(
          cabinet,
          `mutation($input: CompleteInstructionInput!) { completeInstruction(input: $input) { id status } }`,
          { instructionId: 'e2e-to-the-akimat', completedOn: '2099-01-10' },
        );

        expect(report.errors).toBeUndefined();
        expect(report.data).toEqual({ reportProgress: { id: 'e2e-to-the-akimat', status: 'IN_PROGRESS' } });
        expect(codesOf(completion)).toEqual(['BAD_USER_INPUT']);
      });

      it('counts days cut net, and abolitions, in the unit’s scorecard (finding 4)', async () => {
        const mutate = (query: string, input: Record<string, unknown>) =>
          as(cabinet, query, input).then((response) => expect(response.errors).toBeUndefined());
        for (const procedureId of ['e2e-naryn-kiosk', 'e2e-naryn-stamp'])
          await mutate(
            `mutation($input: RegisterProcedureInput!) { registerProcedure(input: $input) { id } }`,
            {
              procedureId,
              authorityId: narynMayorsOffice,
              title: `Permit ${procedureId}`,
              category: 'licensing',
              decisionDays: 60,
              requirements: [{ name: 'Application form' }],
            },
          );
        for (const days of [20, 90, 20])
          await mutate(
            `mutation($input: ChangeDecisionTimeInput!) { changeDecisionTime(input: $input) { id } }`,
            { procedureId: 'e2e-naryn-kiosk', days, reason: `decision time set to ${days} days` },
          );
        await mutate(`mutation($input: ProcedureChangeInput!) { abolishProcedure(input: $input) { id } }`, {
          procedureId: 'e2e-naryn-stamp',
          reason: 'duplicates the kiosk permit',
        });

        const scorecard = await eventually(
          async () => {
            const response = await graphql<{
              unit: {
                scorecard: { decisionDaysCutSinceBaseline: number; proceduresAbolishedSinceBaseline: number };
              };
            }>(
              url(),
              `
                {
                  unit(id: "city/naryn") {
                    scorecard {
                      decisionDaysCutSinceBaseline
                      proceduresAbolishedSinceBaseline
                    }
                  }
                }
              `,
            );
            const card = response.data?.unit.scorecard;
            return card?.proceduresAbolishedSinceBaseline === 1 ? card : false;
          },
          20_000,
          'the abolition to reach the scorecard',
        );
        expect(scorecard).toEqual({ decisionDaysCutSinceBaseline: 40, proceduresAbolishedSinceBaseline: 1 });
      });

      it('checks a unit report’s meeting: an unknown one is not found, a later report was not heard there', async () => {
        const report = (meetingId: string, reportedOn: string) =>
          as(
            cabinet,
            `mutation($input: ReportUnitProgressInput!) { reportUnitProgress(input: $input) { id } }`,
            { unitId: 'district/nookat', meetingId, reportedOn, text: 'Progress of Nookat' },
          );

        expect(codesOf(await report('no-such-meeting', '2026-01-10'))).toEqual(['NOT_FOUND']);
        expect(codesOf(await report('e2e-cabinet-2026-01-15', '2026-05-01'))).toEqual(['BAD_USER_INPUT']);
        expect((await report('e2e-cabinet-2026-01-15', '2026-01-10')).errors).toBeUndefined();
      });
    });
  });
}
