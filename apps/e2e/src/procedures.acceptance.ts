import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  eventStoreHead,
  graphql,
  newDeployment,
  startRedtape,
  tokenFor,
  type Backend,
  type Deployment,
  type RunningSystem,
} from './system.js';

// Jest's testTimeout is a global option, ignored in a project's config: slow steps say their own.
const STARTUP_TIMEOUT_MS = 120_000;

const REGISTER = `mutation($input: RegisterProcedureInput!) { registerProcedure(input: $input) { id revision decisionDays requirements { id } } }`;
const REMOVE = `mutation($input: RemoveRequirementInput!) { removeRequirement(input: $input) { revision requirements { id } } }`;
const DECISION_TIME = `mutation($input: ChangeDecisionTimeInput!) { changeDecisionTime(input: $input) { revision decisionDays } }`;
const ADD = `mutation($input: AddRequirementInput!) { addRequirement(input: $input) { revision } }`;
const ABOLISH = `mutation($input: ProcedureChangeInput!) { abolishProcedure(input: $input) { status revision } }`;
const MERGE = `mutation($input: MergeProcedureInput!) { mergeProcedure(input: $input) { status } }`;

const codesOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  (response.errors ?? []).map((error) => error.extensions?.['code']);

const tradeLicence = (procedureId: string) => ({
  procedureId,
  authorityId: 'mayors-office/tokmok',
  title: 'Trade licence',
  category: 'trade',
  decisionDays: 30,
  feeSom: 500,
  procedureLegalBasis: 'Law on licensing, art. 4',
  reason: 'recorded for the pilot',
  requirements: [
    { id: 'application', name: 'Application form' },
    { id: 'passport', name: 'Passport copy', originals: 0, copies: 1 },
    { id: 'tax', name: 'Tax registration certificate' },
    { id: 'lease', name: 'Lease agreement' },
    { id: 'sanitary', name: 'Sanitary certificate' },
    { id: 'fire', name: 'Fire safety certificate' },
  ],
});

/** The acceptance tests of the procedures issue, run against the given storage. */
export function proceduresAcceptance(backend: Backend): void {
  describe(`procedures through the gateway, as a user runs it (${backend})`, () => {
    let deployment: Deployment;
    let system: RunningSystem;
    let url: string;

    beforeAll(async () => {
      deployment = await newDeployment(backend);
      system = await startRedtape(deployment);
      url = system.gatewayUrl;
    }, STARTUP_TIMEOUT_MS);

    afterAll(async () => {
      await system?.stop();
      await deployment?.dispose();
    }, STARTUP_TIMEOUT_MS);

    describe('a Tokmok official simplifies a procedure of the mayor’s office', () => {
      const id = 'tokmok-trade-licence';
      let official: string;

      beforeAll(async () => {
        official = await tokenFor('official', 'city/tokmok', 'akim-tokmok');
        const registered = await graphql(url, REGISTER, {
          token: official,
          variables: { input: tradeLicence(id) },
        });
        expect(registered.errors).toBeUndefined();
        for (const [requirementId, reason] of [
          ['sanitary', 'the sanitary check is part of the fire inspection'],
          ['lease', 'the tax office already holds the lease'],
        ]) {
          const removed = await graphql(url, REMOVE, {
            token: official,
            variables: {
              input: {
                procedureId: id,
                requirementId,
                reason,
                legalBasis: 'Cabinet decree No. 17 of 2026-01-15',
              },
            },
          });
          expect(removed.errors).toBeUndefined();
        }
        const shortened = await graphql(url, DECISION_TIME, {
          token: official,
          variables: {
            input: {
              procedureId: id,
              days: 10,
              reason: 'pilot target',
              legalBasis: 'Cabinet decree No. 17 of 2026-01-15',
            },
          },
        });
        expect(shortened.data).toEqual({ changeDecisionTime: { revision: 4, decisionDays: 10 } });
      }, STARTUP_TIMEOUT_MS);

      it('shows four audit entries with the right diffs, actor and reasons', async () => {
        const response = await graphql<{
          procedure: { auditTrail: { totalCount: number; nodes: Record<string, unknown>[] } };
        }>(
          url,
          `{ procedure(id: "${id}") { auditTrail { totalCount nodes { revision eventType actor { id role unitId } reason legalBasis changes { field before after } } } } }`,
          { token: await tokenFor('auditor') },
        );
        expect(response.errors).toBeUndefined();
        const trail = response.data!.procedure.auditTrail;
        expect(trail.totalCount).toBe(4);
        const actor = { id: 'akim-tokmok', role: 'official', unitId: 'city/tokmok' };
        const decree = 'Cabinet decree No. 17 of 2026-01-15';
        expect(trail.nodes.map((entry) => ({ ...entry, changes: undefined }))).toEqual([
          {
            revision: 1,
            eventType: 'ProcedureRegistered',
            actor,
            reason: 'recorded for the pilot',
            legalBasis: null,
            changes: undefined,
          },
          {
            revision: 2,
            eventType: 'RequirementRemoved',
            actor,
            reason: 'the sanitary check is part of the fire inspection',
            legalBasis: decree,
            changes: undefined,
          },
          {
            revision: 3,
            eventType: 'RequirementRemoved',
            actor,
            reason: 'the tax office already holds the lease',
            legalBasis: decree,
            changes: undefined,
          },
          {
            revision: 4,
            eventType: 'DecisionTimeChanged',
            actor,
            reason: 'pilot target',
            legalBasis: decree,
            changes: undefined,
          },
        ]);
        expect(trail.nodes[1]!['changes']).toEqual([
          {
            field: 'requirements.sanitary',
            before: JSON.stringify({
              requirementId: 'sanitary',
              name: 'Sanitary certificate',
              originals: 1,
              copies: 0,
              note: null,
            }),
            after: null,
          },
        ]);
        expect(trail.nodes[3]!['changes']).toEqual([{ field: 'decisionDays', before: '30', after: '10' }]);
        expect((trail.nodes[0]!['changes'] as { field: string }[]).map((change) => change.field)).toEqual(
          expect.arrayContaining(['title', 'decisionDays', 'requirements.application', 'requirements.fire']),
        );
      });

      it('travels back to revision 1: 30 days and 6 requirements, rebuilt from the events', async () => {
        const response = await graphql(
          url,
          `{ procedureAsOf(id: "${id}", revision: 1) { decisionDays revision requirements { id } } }`,
        );
        expect(response.data).toEqual({
          procedureAsOf: {
            decisionDays: 30,
            revision: 1,
            requirements: ['application', 'passport', 'tax', 'lease', 'sanitary', 'fire'].map(
              (requirementId) => ({ id: requirementId }),
            ),
          },
        });
      });

      it('resolves the unit, its procedures and its metrics against the baseline in one query across subgraphs', async () => {
        const response = await graphql(
          url,
          `
            {
              unit(id: "city/tokmok") {
                name
                procedures {
                  title
                  decisionDays
                  authority {
                    name
                  }
                }
                reformMetrics {
                  baselineDate
                  now {
                    activeProcedures
                    totalRequirements
                    totalDecisionDays
                    medianDecisionDays
                    totalFees {
                      amount
                      currency
                    }
                  }
                  baseline {
                    activeProcedures
                    totalRequirements
                  }
                }
              }
            }
          `,
        );
        expect(response).toEqual({
          status: 200,
          data: {
            unit: {
              name: 'Tokmok',
              procedures: [
                { title: 'Trade licence', decisionDays: 10, authority: { name: "Tokmok Mayor's Office" } },
              ],
              reformMetrics: {
                baselineDate: '2026-01-15',
                now: {
                  activeProcedures: 1,
                  totalRequirements: 4,
                  totalDecisionDays: 10,
                  medianDecisionDays: 10,
                  totalFees: { amount: 500, currency: 'KGS' },
                },
                baseline: { activeProcedures: 0, totalRequirements: 0 },
              },
            },
          },
        });
      });

      it('refuses a Nookat official and an auditor any change, appending nothing', async () => {
        const head = await eventStoreHead(deployment);
        const input = { procedureId: id, days: 5, reason: 'faster' };
        const nookat = await graphql(url, DECISION_TIME, {
          token: await tokenFor('official', 'district/nookat'),
          variables: { input },
        });
        const auditor = await graphql(url, DECISION_TIME, {
          token: await tokenFor('auditor'),
          variables: { input },
        });
        expect(codesOf(nookat)).toEqual(['FORBIDDEN']);
        expect(codesOf(auditor)).toEqual(['FORBIDDEN']);
        expect(await eventStoreHead(deployment)).toBe(head);
      });

      it('keeps the audit trail from anonymous readers', async () => {
        const response = await graphql(url, `{ auditTrail(procedureId: "${id}") { totalCount } }`);
        expect(codesOf(response)).toEqual(['UNAUTHENTICATED']);
      });
    });

    describe('refusing what breaks a rule, appending nothing', () => {
      it('refuses a zero-day decision time, a duplicate requirement name and a merge into an abolished procedure as BAD_USER_INPUT', async () => {
        const cabinet = await tokenFor('cabinet');
        await graphql(url, REGISTER, { token: cabinet, variables: { input: tradeLicence('rules-source') } });
        await graphql(url, REGISTER, { token: cabinet, variables: { input: tradeLicence('rules-target') } });
        const abolished = await graphql(url, ABOLISH, {
          token: cabinet,
          variables: { input: { procedureId: 'rules-target', reason: 'no longer required by law' } },
        });
        expect(abolished.data).toEqual({ abolishProcedure: { status: 'ABOLISHED', revision: 2 } });
        const head = await eventStoreHead(deployment);

        const zeroDays = await graphql(url, DECISION_TIME, {
          token: cabinet,
          variables: { input: { procedureId: 'rules-source', days: 0, reason: 'faster' } },
        });
        const duplicate = await graphql(url, ADD, {
          token: cabinet,
          variables: {
            input: {
              procedureId: 'rules-source',
              requirement: { name: '  passport COPY ' },
              reason: 'needed',
            },
          },
        });
        const merge = await graphql(url, MERGE, {
          token: cabinet,
          variables: { input: { procedureId: 'rules-source', into: 'rules-target', reason: 'same thing' } },
        });

        expect(codesOf(zeroDays)).toEqual(['BAD_USER_INPUT']);
        expect(codesOf(duplicate)).toEqual(['BAD_USER_INPUT']);
        expect(codesOf(merge)).toEqual(['BAD_USER_INPUT']);
        expect(JSON.stringify([zeroDays, duplicate, merge])).not.toMatch(/stacktrace/);
        expect(await eventStoreHead(deployment)).toBe(head);
      });
    });
  });
}
