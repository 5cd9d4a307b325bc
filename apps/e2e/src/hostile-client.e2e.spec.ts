import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  instructionStream,
  meetingStream,
  officialStream,
  unitReportStream,
} from '@redtape/accountability-domain';
import { procedureStream } from '@redtape/procedures-domain';
import { unitStream } from '@redtape/regions-domain';
import { SignJWT } from 'jose';
import {
  GATEWAY_SECRET,
  JWT_SECRET,
  eventStoreHead,
  eventsOf,
  graphql,
  newDeployment,
  startRedtape,
  tokenFor,
  type Deployment,
  type RunningSystem,
} from './system.js';

// The cases of the hardening issue, and the families they stand for, sent as a hostile or careless
// client would: through the gateway and straight at a subgraph that has the gateway's secret. A few
// hundred documents, not a soak; the timing figures live in `npm run bench`.

const STARTUP_TIMEOUT_MS = 120_000;
const SIMPLE = '{ units(pilot: true) { id } }';

interface Answer {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

async function send(url: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: Answer['body'];
  try {
    body = JSON.parse(text) as Answer['body'];
  } catch {
    throw new Error(`HTTP ${response.status} answered something that is not JSON: ${text.slice(0, 200)}`);
  }
  return { status: response.status, contentType: response.headers.get('content-type'), body };
}

function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return send(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** `{ unit(id: "country/kg") { children { parent { children { … } } } } }`: the 623-byte query of the report. */
function nestedUnits(levels: number): string {
  let selection = 'id';
  for (let level = levels; level > 0; level--)
    selection = `${level % 2 === 1 ? 'children' : 'parent'} { ${selection} }`;
  return `{ unit(id: "country/kg") { ${selection} } }`;
}

function aliases(count: number, field: string): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
}

function fragmentFanOut(levels: number): string {
  const fragments = ['fragment F0 on AdministrativeUnit { id name }'];
  for (let level = 1; level <= levels; level++)
    fragments.push(`fragment F${level} on AdministrativeUnit { ...F${level - 1} ...F${level - 1} }`);
  return `{ unit(id: "city/tokmok") { ...F${levels} } } ${fragments.join(' ')}`;
}

/** The refusal an answer carries: the first error's code and, for limits, which one. */
function refusal(answer: Answer): { status: number; code: unknown; limit?: unknown } {
  const extensions = answer.body.errors?.[0]?.extensions ?? {};
  return {
    status: answer.status,
    code: extensions['code'],
    ...(extensions['limit'] === undefined ? {} : { limit: extensions['limit'] }),
  };
}

describe('a hostile client', () => {
  let deployment: Deployment;
  let system: RunningSystem;
  let gateway: string;
  let regions: string;
  let admin: string;
  const direct = { 'x-redtape-gateway-secret': GATEWAY_SECRET };

  /** A simple query sent alongside the hostile ones: each must still be answered, with data. */
  const simpleAnswers: Answer[] = [];
  const alongside = async <T>(hostile: Promise<T>): Promise<T> => {
    const [result, simple] = await Promise.all([hostile, post(gateway, { query: SIMPLE })]);
    simpleAnswers.push(simple);
    return result;
  };

  beforeAll(async () => {
    deployment = await newDeployment('sqlite');
    system = await startRedtape(deployment);
    gateway = system.gatewayUrl;
    regions = `http://127.0.0.1:${system.ports['regions']}/graphql`;
    admin = await tokenFor('admin');
  }, STARTUP_TIMEOUT_MS);

  afterAll(async () => {
    await system?.stop();
    await deployment?.dispose();
  }, STARTUP_TIMEOUT_MS);

  describe('documents too large to run, refused before anything runs, anonymous or signed in, at the gateway and at a subgraph', () => {
    const cases: [string, string, string][] = [
      ['the 24-level nested query of the report', nestedUnits(24), 'depth'],
      ['an 8-level nested query under the depth limit but over the cost limit', nestedUnits(8), 'cost'],
      ['1,000 aliases of units', aliases(1000, 'units { id }'), 'tokens'],
      ['31 aliases', aliases(31, 'units { id }'), 'aliases'],
      ['a 2^11 fragment fan-out', fragmentFanOut(11), 'selections'],
      ['300 cross-service aliases', aliases(300, 'unit(id: "city/tokmok") { procedures { id } }'), 'tokens'],
      ['10 lists of lists of lists', aliases(10, 'units { children { children { id } } }'), 'cost'],
      [
        '21 root fields',
        `{ ${Array.from({ length: 21 }, () => '__typename reformStages { stage }').join(' ')} }`,
        'rootFields',
      ],
    ];

    it.each(cases)('%s', async (_name, query, limit) => {
      expect(query.length).toBeLessThan(100_000);
      for (const headers of [{}, { authorization: `Bearer ${admin}` }] as Record<string, string>[]) {
        const throughGateway = await alongside(post(gateway, { query }, headers));
        expect(refusal(throughGateway)).toEqual({ status: 400, code: 'QUERY_LIMIT_EXCEEDED', limit });
        expect(throughGateway.body.data ?? undefined).toBeUndefined();
      }
      const atSubgraph = await alongside(post(regions, { query }, direct));
      expect(refusal(atSubgraph)).toMatchObject({ status: 400, code: 'QUERY_LIMIT_EXCEEDED' });
    });
  });

  describe('malformed requests, each a typed 4xx in GraphQL shape', () => {
    const malformed: [
      string,
      (url: string, headers: Record<string, string>) => Promise<Answer>,
      number,
      string,
    ][] = [
      ['malformed JSON', (url, headers) => post(url, '{"query": ', headers), 400, 'BAD_REQUEST'],
      [
        'a 200 KB body',
        (url, headers) => post(url, { query: SIMPLE, pad: 'x'.repeat(200_000) }, headers),
        413,
        'PAYLOAD_TOO_LARGE',
      ],
      [
        'a 60 KB header',
        (url, headers) => post(url, { query: SIMPLE }, { ...headers, 'x-padding': 'x'.repeat(60_000) }),
        431,
        'REQUEST_HEADER_FIELDS_TOO_LARGE',
      ],
      [
        'two anonymous operations',
        (url, headers) => post(url, { query: `${SIMPLE} ${SIMPLE}` }, headers),
        400,
        'GRAPHQL_VALIDATION_FAILED',
      ],
      [
        'a batch of operations',
        (url, headers) => post(url, [{ query: SIMPLE }, { query: SIMPLE }], headers),
        400,
        'BAD_REQUEST',
      ],
      [
        'a document that does not parse',
        (url, headers) => post(url, { query: '{ units {' }, headers),
        400,
        'GRAPHQL_PARSE_FAILED',
      ],
      ['no document at all', (url, headers) => post(url, { variables: {} }, headers), 400, 'BAD_REQUEST'],
      [
        'an unsupported method',
        (url, headers) =>
          send(url, {
            method: 'PUT',
            headers: { 'content-type': 'application/json', ...headers },
            body: '{}',
          }),
        405,
        'METHOD_NOT_ALLOWED',
      ],
      [
        'an unknown path',
        (url, headers) => send(url.replace(/\/graphql$/, '/no-such-path'), { headers }),
        404,
        'NOT_FOUND',
      ],
    ];

    it.each(malformed)('%s', async (_name, request, status, code) => {
      for (const [url, headers] of [
        [gateway, {}],
        [regions, direct],
      ] as const) {
        const answer = await alongside(request(url, headers));
        expect(refusal(answer)).toMatchObject({ status, code });
        expect(answer.contentType).toMatch(/json/);
        expect(JSON.stringify(answer.body)).not.toMatch(/127\.0\.0\.1|\bat \S+\.js|node_modules/);
      }
    });
  });

  describe('invalid instants, each BAD_USER_INPUT naming the argument', () => {
    const instants = [
      'yesterday',
      '2026-01-01T00:00:00+25:00',
      '+275760-09-13T00:00:01Z',
      '2026-02-30T00:00:00Z',
    ];

    it.each(instants)('auditTrail(from: %j) and (to:)', async (instant) => {
      for (const argument of ['from', 'to']) {
        const answer = await alongside(
          post(
            gateway,
            { query: `{ auditTrail(${argument}: ${JSON.stringify(instant)}) { totalCount } }` },
            { authorization: `Bearer ${admin}` },
          ),
        );
        expect(refusal(answer)).toMatchObject({ code: 'BAD_USER_INPUT' });
        expect(answer.body.errors?.[0]?.message).toContain(argument);
      }
    });

    it('procedureAsOf(at: "yesterday") and a variable that carries it', async () => {
      const literal = await post(gateway, { query: '{ procedureAsOf(id: "x", at: "yesterday") { id } }' });
      expect(refusal(literal)).toMatchObject({ code: 'BAD_USER_INPUT' });
      const variable = await post(gateway, {
        query: 'query ($at: DateTime) { procedureAsOf(id: "x", at: $at) { id } }',
        variables: { at: 'yesterday' },
      });
      expect(refusal(variable)).toMatchObject({ code: 'BAD_USER_INPUT' });
    });
  });

  describe('texts no one can read', () => {
    it.each([
      ['a NUL byte', 'Tok\u0000mok'],
      ['only zero-width characters', '\u200B\u200D'],
      ['half a surrogate pair', 'Tok\uD800mok'],
    ])('refuses a name with %s and stores nothing', async (_name, name) => {
      const head = await eventStoreHead(deployment);
      const answer = await post(
        gateway,
        {
          query: 'mutation ($name: String!) { registerOfficial(input: { name: $name }) { id } }',
          variables: { name },
        },
        { authorization: `Bearer ${admin}` },
      );
      expect(refusal(answer)).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(await eventStoreHead(deployment)).toBe(head);
    });

    it('refuses a reason longer than its limit', async () => {
      const answer = await post(
        gateway,
        {
          query:
            'mutation ($reason: String) { registerOfficial(input: { name: "A. Akimov", reason: $reason }) { id } }',
          variables: { reason: 'x'.repeat(2001) },
        },
        { authorization: `Bearer ${admin}` },
      );
      expect(refusal(answer)).toMatchObject({ code: 'BAD_USER_INPUT' });
    });
  });

  it('refuses a token issued in the future', async () => {
    const future = Math.floor(Date.now() / 1000) + 3600;
    const token = await new SignJWT({ role: 'admin', name: 'From the future' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('redtape')
      .setAudience('redtape')
      .setSubject('time-traveller')
      .setIssuedAt(future)
      .setExpirationTime(future + 3600)
      .sign(new TextEncoder().encode(JWT_SECRET));
    const answer = await post(gateway, { query: SIMPLE }, { authorization: `Bearer ${token}` });
    expect(refusal(answer)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  describe('retries', () => {
    const creates: [string, string, Record<string, unknown>, (id: string) => string][] = [
      [
        'registerProcedure',
        'mutation ($input: RegisterProcedureInput!) { created: registerProcedure(input: $input) { id } }',
        {
          authorityId: 'mayors-office/tokmok',
          title: 'Outdoor advertising permit',
          category: 'advertising',
          decisionDays: 15,
          requirements: [{ name: 'Application', originals: 1, copies: 0 }],
        },
        procedureStream,
      ],
      [
        'registerOfficial',
        'mutation ($input: RegisterOfficialInput!) { created: registerOfficial(input: $input) { id } }',
        { name: 'Aibek Osmonov' },
        officialStream,
      ],
      [
        'holdMeeting',
        'mutation ($input: HoldMeetingInput!) { created: holdMeeting(input: $input) { id } }',
        {
          heldOn: '2026-02-01',
          level: 'CABINET',
          title: 'Debureaucratization in the regions',
          chair: 'A. Kasymaliev',
        },
        meetingStream,
      ],
      [
        'issueInstruction',
        'mutation ($input: IssueInstructionInput!) { created: issueInstruction(input: $input) { id } }',
        {
          text: 'Cut the decision time of land permits',
          issuedOn: '2026-02-01',
          deadline: '2026-04-01',
          authorityId: 'mayors-office/tokmok',
        },
        instructionStream,
      ],
      [
        'reportUnitProgress',
        'mutation ($input: ReportUnitProgressInput!) { created: reportUnitProgress(input: $input) { id } }',
        { unitId: 'city/tokmok', reportedOn: '2026-02-02', text: 'Two requirements dropped.' },
        unitReportStream,
      ],
    ];

    it.each(creates)(
      '%s sent three times with one commandId (two at once) creates one, and refuses the id with another request',
      async (name, mutation, input, streamOf) => {
        const token = await tokenFor('cabinet', undefined, `cabinet-${name}`);
        const send = () =>
          graphql<{ created: { id: string } }>(gateway, mutation, {
            token,
            variables: { input: { ...input, commandId: `create-${name}` } },
          });
        const answers = [...(await Promise.all([send(), send()])), await send()];
        for (const answer of answers) expect(answer.errors).toBeUndefined();
        const ids = new Set(answers.map((answer) => answer.data?.created.id));
        expect(ids.size).toBe(1);
        const [id] = [...ids];
        const createdBy = async (commandId: string) =>
          (await eventsOf(deployment, streamOf(id!))).filter(
            (event) => event.metadata['commandId'] === commandId,
          );
        expect(await createdBy(`create-${name}`)).toHaveLength(1);

        const other = await graphql(gateway, mutation, {
          token,
          variables: { input: { ...input, commandId: `create-${name}`, reason: 'another request' } },
        });
        expect(other.errors?.[0]?.extensions?.['code']).toBe('COMMAND_ID_REUSED');
        expect(await createdBy(`create-${name}`)).toHaveLength(1);
      },
    );

    it('twenty renames at once with one commandId store one event and all answer the new name', async () => {
      const rename = 'mutation ($input: RenameUnitInput!) { renameUnit(input: $input) { id name } }';
      const before = (await eventsOf(deployment, unitStream('city/tokmok'))).length;
      const input = {
        commandId: 'rename-tokmok-once',
        unitId: 'city/tokmok',
        names: { en: 'Tokmok City', ru: 'Токмок' },
      };
      const answers = await Promise.all(
        Array.from({ length: 20 }, () =>
          graphql<{ renameUnit: { name: string } }>(gateway, rename, { token: admin, variables: { input } }),
        ),
      );
      expect(answers.map((answer) => answer.data?.renameUnit.name)).toEqual(Array(20).fill('Tokmok City'));
      expect(await eventsOf(deployment, unitStream('city/tokmok'))).toHaveLength(before + 1);
    });

    it(
      'after a restart, a retried create answers the same entity and appends nothing',
      async () => {
        const token = await tokenFor('cabinet', undefined, 'cabinet-restart');
        const input = { commandId: 'survives-restart', name: 'Nurlan Toktosunov' };
        const mutation =
          'mutation ($input: RegisterOfficialInput!) { registerOfficial(input: $input) { id } }';
        const first = await graphql<{ registerOfficial: { id: string } }>(gateway, mutation, {
          token,
          variables: { input },
        });
        await system.stop();
        system = await startRedtape(deployment);
        gateway = system.gatewayUrl;
        regions = `http://127.0.0.1:${system.ports['regions']}/graphql`;
        const head = await eventStoreHead(deployment);
        const again = await graphql<{ registerOfficial: { id: string } }>(gateway, mutation, {
          token,
          variables: { input },
        });
        expect(again.data?.registerOfficial.id).toBe(first.data?.registerOfficial.id);
        expect(await eventStoreHead(deployment)).toBe(head);
      },
      STARTUP_TIMEOUT_MS,
    );
  });

  it('kept answering the simple query alongside every hostile one', () => {
    expect(simpleAnswers.length).toBeGreaterThan(40);
    for (const answer of simpleAnswers) {
      expect(answer.status).toBe(200);
      expect(answer.body.data?.['units']).toHaveLength(7);
    }
  });
});
