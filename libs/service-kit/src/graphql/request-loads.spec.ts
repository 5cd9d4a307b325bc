import { describe, expect, it } from '@jest/globals';
import { buildSchema, execute, parse } from 'graphql';
import { forgetLoadsAtEachMutation, RequestLoads } from './request-loads.js';

const schema = buildSchema(`
  type Query { a: Nested }
  type Mutation { first: Nested second: Nested }
  type Nested { value: Int }
`);

/** Runs the plugin's hooks around graphql-js's execution, as Apollo Server does, and records the scope each field saw. */
async function scopesSeen(document: string): Promise<Record<string, object>> {
  const contextValue = { loads: new RequestLoads() };
  const seen: Record<string, object> = {};
  const operation = parse(document).definitions[0];
  if (operation?.kind !== 'OperationDefinition') throw new Error('one operation expected');
  const listeners = await forgetLoadsAtEachMutation().requestDidStart!(
    // Only the two members the plugin reads.
    { contextValue } as never,
  );
  const fieldListener = await listeners!.executionDidStart!({ operation, contextValue } as never);
  const resolve = (name: string) => () => {
    seen[name] = contextValue.loads.scope;
    return { value: 1 };
  };
  await execute({
    schema,
    document: parse(document),
    contextValue,
    fieldResolver: (_source, _args, _context, info) => {
      fieldListener?.willResolveField?.({ info } as never);
      const key = info.path.prev === undefined ? info.fieldName : `${String(info.path.prev.key)}.value`;
      return resolve(key)();
    },
  });
  return seen;
}

describe('forgetting what a request loaded', () => {
  it('given a document of two mutations, when they run, then the second starts with nothing loaded while each keeps one scope for its selection', async () => {
    const seen = await scopesSeen('mutation { first { value } second { value } }');

    expect(seen['first']).toBe(seen['first.value']);
    expect(seen['second']).toBe(seen['second.value']);
    expect(seen['second']).not.toBe(seen['first']);
  });

  it('given a query, when its fields run, then they all share one scope', async () => {
    const seen = await scopesSeen('{ a { value } }');

    expect(seen['a']).toBe(seen['a.value']);
  });
});
