import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { unitStream } from '@redtape/regions-domain';
import {
  GATEWAY_SECRET,
  eventStoreHead,
  graphql,
  lastEventOf,
  newDeployment,
  startRedtape,
  tokenFor,
  type Backend,
  type Deployment,
  type RunningSystem,
} from './system.js';

const PILOT = `{ units(pilot: true) { id kind name pilot { stage enrolledOn } } }`;
const RENAME = `mutation Rename($input: RenameUnitInput!) { renameUnit(input: $input) { id name names { en ru ky } revision } }`;
const ENROLL = `mutation Enroll($input: EnrollUnitInPilotInput!) { enrollUnitInPilot(input: $input) { id pilot { stage enrolledOn } revision } }`;
const WITHDRAW = `mutation Withdraw($input: WithdrawUnitFromPilotInput!) { withdrawUnitFromPilot(input: $input) { id pilot { stage } revision } }`;
const ESTABLISH = `mutation Establish($input: EstablishAuthorityInput!) { establishAuthority(input: $input) { id name level unit { id } } }`;

// Jest's testTimeout is a global option, ignored in a project's config: slow steps say their own.
const STARTUP_TIMEOUT_MS = 120_000;

const codesOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  (response.errors ?? []).map((error) => error.extensions?.['code']);

/** The acceptance tests of the regions issue, run against the given storage. */
export function regionsAcceptance(backend: Backend): void {
  describe(`regions through the gateway, as a user runs it (${backend})`, () => {
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

    describe('reading the map', () => {
      it('lists exactly the seven pilot units, enrolled in stage 2 on 2026-01-15', async () => {
        const response = await graphql<{ units: unknown[] }>(url, PILOT);
        expect(response.errors).toBeUndefined();
        const enrolled = { stage: 2, enrolledOn: '2026-01-15' };
        expect(response.data?.units).toEqual([
          { id: 'region/jalal-abad', kind: 'REGION', name: 'Jalal-Abad Region', pilot: enrolled },
          { id: 'region/talas', kind: 'REGION', name: 'Talas Region', pilot: enrolled },
          { id: 'district/batken', kind: 'DISTRICT', name: 'Batken District', pilot: enrolled },
          { id: 'city/naryn', kind: 'CITY', name: 'Naryn', pilot: enrolled },
          { id: 'district/nookat', kind: 'DISTRICT', name: 'Nookat District', pilot: enrolled },
          { id: 'city/tokmok', kind: 'CITY', name: 'Tokmok', pilot: enrolled },
          { id: 'district/tup', kind: 'DISTRICT', name: 'Tüp District', pilot: enrolled },
        ]);
      });

      it.each([['Tüp'], ['tyup'], ['Тюп'], ['Түп'], ['TUP']])(
        'finds district/tup searching for %s',
        async (search) => {
          const response = await graphql<{ units: { id: string }[] }>(
            url,
            `
              query ($s: String) {
                units(search: $s) {
                  id
                }
              }
            `,
            {
              variables: { s: search },
            },
          );
          expect(response.data?.units[0]).toEqual({ id: 'district/tup' });
        },
      );

      it.each([
        ['Chui', 'region/chuy'],
        ['Ysyk-Köl', 'region/issyk-kul'],
        ['Jalalabat', 'region/jalal-abad'],
        ['Джалал-Абад', 'region/jalal-abad'],
      ])('finds %s in any spelling (%s)', async (search, id) => {
        const response = await graphql<{ units: { id: string }[] }>(
          url,
          `
            query ($s: String) {
              units(search: $s) {
                id
              }
            }
          `,
          {
            variables: { s: search },
          },
        );
        expect(response.data?.units.map((unit) => unit.id)).toContain(id);
      });

      it("lists Talas region's districts and cities", async () => {
        const response = await graphql(
          url,
          `
            {
              unit(id: "region/talas") {
                children {
                  id
                  kind
                }
              }
            }
          `,
        );
        expect(response.data).toEqual({
          unit: {
            children: [
              { id: 'city/talas', kind: 'CITY' },
              { id: 'district/bakay-ata', kind: 'DISTRICT' },
              { id: 'district/kara-buura', kind: 'DISTRICT' },
              { id: 'district/manas', kind: 'DISTRICT' },
              { id: 'district/talas', kind: 'DISTRICT' },
            ],
          },
        });
      });

      it('counts the whole map: the country, 7 regions, 16 cities, 44 districts, an authority each', async () => {
        const response = await graphql<{ units: { kind: string; authorities: unknown[] }[] }>(
          url,
          `
            {
              units {
                kind
                authorities {
                  id
                }
              }
            }
          `,
        );
        const byKind: Record<string, number> = {};
        for (const unit of response.data?.units ?? []) byKind[unit.kind] = (byKind[unit.kind] ?? 0) + 1;
        expect(byKind).toEqual({ COUNTRY: 1, REGION: 7, CITY: 16, DISTRICT: 44 });
        expect(response.data?.units.every((unit) => unit.authorities.length === 1)).toBe(true);
      });

      it('keeps what the reference data could not confirm visible', async () => {
        const response = await graphql<{ unit: { dataQuality: { field: string }[] } }>(
          url,
          `
            {
              unit(id: "city/kara-balta") {
                dataQuality {
                  field
                  note
                }
              }
            }
          `,
        );
        expect(response.data?.unit.dataQuality.map((note) => note.field)).toContain('unit');
      });

      it('answers null for an unknown unit', async () => {
        expect(
          (
            await graphql(
              url,
              `
                {
                  unit(id: "district/atlantis") {
                    id
                  }
                }
              `,
            )
          ).data,
        ).toEqual({ unit: null });
      });
    });

    describe('who may change it', () => {
      it('refuses every mutation without a token as UNAUTHENTICATED, appending nothing', async () => {
        const head = await eventStoreHead(deployment);
        const attempts = [
          graphql(url, RENAME, { variables: { input: { unitId: 'city/tokmok', names: { en: 'Tokmak' } } } }),
          graphql(url, ENROLL, {
            variables: { input: { unitId: 'city/balykchy', enrolledOn: '2026-03-01' } },
          }),
          graphql(url, WITHDRAW, {
            variables: { input: { unitId: 'city/tokmok', withdrawnOn: '2026-03-01' } },
          }),
          graphql(url, ESTABLISH, {
            variables: {
              input: {
                authorityId: 'central-agency/x',
                unitId: 'country/kg',
                kind: 'CENTRAL_AGENCY',
                names: { en: 'X' },
              },
            },
          }),
        ];
        for (const response of await Promise.all(attempts))
          expect(codesOf(response)).toEqual(['UNAUTHENTICATED']);
        expect(await eventStoreHead(deployment)).toBe(head);
      });

      it('refuses an official of Nookat enrolling or renaming Tokmok as FORBIDDEN, appending nothing', async () => {
        const token = await tokenFor('official', 'district/nookat');
        const head = await eventStoreHead(deployment);
        const rename = await graphql(url, RENAME, {
          token,
          variables: { input: { unitId: 'city/tokmok', names: { en: 'Tokmak' } } },
        });
        const enroll = await graphql(url, ENROLL, {
          token,
          variables: { input: { unitId: 'city/tokmok', enrolledOn: '2026-03-01' } },
        });
        expect(codesOf(rename)).toEqual(['FORBIDDEN']);
        expect(codesOf(enroll)).toEqual(['FORBIDDEN']);
        expect(JSON.stringify([rename, enroll])).not.toMatch(/stacktrace|at .*\.js/);
        expect(await eventStoreHead(deployment)).toBe(head);
      });

      it('lets an official of Nookat rename Nookat, recording who did it', async () => {
        const token = await tokenFor('official', 'district/nookat', 'akim-nookat');
        const before = await graphql<{ unit: { revision: number } }>(
          url,
          `
            {
              unit(id: "district/nookat") {
                revision
              }
            }
          `,
        );
        const response = await graphql<{ renameUnit: unknown }>(url, RENAME, {
          token,
          variables: {
            input: {
              unitId: 'district/nookat',
              names: { en: 'Nookat Raion', ru: 'Ноокатский район', ky: 'Ноокат району' },
              reason: 'spelling of the statute',
            },
          },
        });
        expect(response.errors).toBeUndefined();
        expect(response.data?.renameUnit).toEqual({
          id: 'district/nookat',
          name: 'Nookat Raion',
          names: { en: 'Nookat Raion', ru: 'Ноокатский район', ky: 'Ноокат району' },
          revision: before.data!.unit.revision + 1,
        });
        expect(await lastEventOf(deployment, unitStream('district/nookat'))).toMatchObject({
          type: 'UnitRenamed',
          metadata: {
            actor: { id: 'akim-nookat', role: 'official', unitId: 'district/nookat' },
            reason: 'spelling of the statute',
          },
        });
      });

      it('refuses an auditor any change', async () => {
        const token = await tokenFor('auditor');
        const response = await graphql(url, RENAME, {
          token,
          variables: { input: { unitId: 'city/tokmok', names: { en: 'Tokmak' } } },
        });
        expect(codesOf(response)).toEqual(['FORBIDDEN']);
      });

      it('refuses a forged or expired token with 401 UNAUTHENTICATED', async () => {
        const response = await graphql(url, PILOT, {
          token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
        });
        expect(response.status).toBe(401);
        expect(codesOf(response)).toEqual(['UNAUTHENTICATED']);
      });

      it('refuses a direct call to the subgraph without the gateway secret, _service included', async () => {
        const direct = `http://127.0.0.1:${system.ports['regions']}/graphql`;
        for (const query of [
          PILOT,
          '{ _service { sdl } }',
          '{ _entities(representations: [{__typename: "AdministrativeUnit", id: "city/tokmok"}]) { __typename } }',
        ]) {
          const response = await graphql(direct, query, { token: await tokenFor('cabinet') });
          expect(response.status).toBe(403);
          expect(codesOf(response)).toEqual(['FORBIDDEN']);
        }
        const withSecret = await graphql(direct, '{ _service { sdl } }', {
          headers: { 'x-redtape-gateway-secret': GATEWAY_SECRET },
        });
        expect(withSecret.status).toBe(200);
      });
    });

    describe('changing it safely', () => {
      it('lets one of two concurrent changes with the same expectedRevision win; the other gets CONFLICT with the actual revision', async () => {
        const token = await tokenFor('cabinet');
        const read = await graphql<{ unit: { revision: number } }>(
          url,
          `
            {
              unit(id: "city/karakol") {
                revision
              }
            }
          `,
        );
        const revision = read.data!.unit.revision;
        const rename = (en: string) =>
          graphql<{ renameUnit: { revision: number } }>(url, RENAME, {
            token,
            variables: {
              input: {
                unitId: 'city/karakol',
                names: { en },
                expectedRevision: revision,
                reason: 'e2e race',
              },
            },
          });
        const results = await Promise.all([rename('Karakol One'), rename('Karakol Two')]);
        const won = results.filter((r) => r.errors === undefined);
        const lost = results.filter((r) => r.errors !== undefined);
        expect(won).toHaveLength(1);
        expect(won[0]!.data?.renameUnit.revision).toBe(revision + 1);
        expect(lost).toHaveLength(1);
        expect(lost[0]!.errors![0]!.extensions).toMatchObject({
          code: 'CONFLICT',
          expectedRevision: revision,
          actualRevision: revision + 1,
        });
      });

      it('appends once when the same commandId is sent twice, and answers the same', async () => {
        const token = await tokenFor('cabinet');
        const input = {
          unitId: 'city/balykchy',
          enrolledOn: '2026-02-01',
          commandId: 'e2e-enroll-balykchy-1',
          reason: 'joins the pilot',
        };
        const first = await graphql(url, ENROLL, { token, variables: { input } });
        const head = await eventStoreHead(deployment);
        const second = await graphql(url, ENROLL, { token, variables: { input } });
        expect(first.errors).toBeUndefined();
        expect(second).toEqual(first);
        expect(await eventStoreHead(deployment)).toBe(head);
      });

      it('answers bad input with BAD_USER_INPUT or NOT_FOUND and no stack trace', async () => {
        const token = await tokenFor('cabinet');
        const badDate = await graphql(url, ENROLL, {
          token,
          variables: { input: { unitId: 'city/tokmok', enrolledOn: '2026-02-30' } },
        });
        const unknownUnit = await graphql(url, ENROLL, {
          token,
          variables: { input: { unitId: 'city/atlantis', enrolledOn: '2026-02-01' } },
        });
        const blankName = await graphql(url, RENAME, {
          token,
          variables: { input: { unitId: 'city/tokmok', names: { en: '   ' } } },
        });
        const beforeStage = await graphql(url, ENROLL, {
          token,
          variables: { input: { unitId: 'city/osh', enrolledOn: '2025-12-31' } },
        });
        expect(codesOf(badDate)).toEqual(['BAD_USER_INPUT']);
        expect(codesOf(unknownUnit)).toEqual(['NOT_FOUND']);
        expect(codesOf(blankName)).toEqual(['BAD_USER_INPUT']);
        expect(codesOf(beforeStage)).toEqual(['BAD_USER_INPUT']);
        expect(JSON.stringify([badDate, unknownUnit, blankName, beforeStage])).not.toMatch(/stacktrace/);
      });

      it('withdraws a unit from the pilot and shows it at once', async () => {
        const token = await tokenFor('cabinet');
        const response = await graphql(url, WITHDRAW, {
          token,
          variables: { input: { unitId: 'city/balykchy', withdrawnOn: '2026-03-01', reason: 'e2e' } },
        });
        expect(response.errors).toBeUndefined();
        expect(response.data).toMatchObject({ withdrawUnitFromPilot: { id: 'city/balykchy', pilot: null } });
      });
    });

    describe('restarting', () => {
      it(
        'appends no new events when the system starts again on the same data',
        async () => {
          const head = await eventStoreHead(deployment);
          await system.stop();
          system = await startRedtape(deployment);
          url = system.gatewayUrl;
          expect(await eventStoreHead(deployment)).toBe(head);
          expect((await graphql<{ units: unknown[] }>(url, PILOT)).data?.units).toHaveLength(7);
        },
        STARTUP_TIMEOUT_MS,
      );
    });
  });
}
