import { describe, expect, it } from '@jest/globals';
import { loaderById, PerRequestLoader } from './per-request-loader.js';
import { RequestLoads } from './request-loads.js';

const newRequest = () => ({ loads: new RequestLoads() });

/** Finds `name-<id>` for every id but "missing", and remembers each batch it was asked for. */
function recordingNames() {
  const batches: string[][] = [];
  const loader = loaderById(async (ids) => {
    batches.push([...ids]);
    return new Map(ids.filter((id) => id !== 'missing').map((id) => [id, `name-${id}`]));
  }, null);
  return { batches, loader };
}

describe('a per-request loader', () => {
  it('given one request, when its resolvers ask for ids in the same tick, then it finds them all in one batch, in the order asked', async () => {
    const { batches, loader } = recordingNames();
    const request = newRequest();

    const names = await Promise.all(['b', 'a', 'missing', 'b'].map((id) => loader.load(request, id)));

    expect(names).toEqual(['name-b', 'name-a', null, 'name-b']);
    expect(batches).toEqual([['b', 'a', 'missing']]);
  });

  it('given one request, when it asks again for an id it has, then it answers from what that request found', async () => {
    const { batches, loader } = recordingNames();
    const request = newRequest();

    await loader.load(request, 'a');
    await loader.load(request, 'a');

    expect(batches).toEqual([['a']]);
  });

  it('given two requests, when both ask for the same id, then each finds it for itself', async () => {
    const { batches, loader } = recordingNames();

    await loader.load(newRequest(), 'a');
    await loader.load(newRequest(), 'a');

    expect(batches).toEqual([['a'], ['a']]);
  });

  it('given a request that forgot its loads (a mutation began), when it asks again, then it finds the id afresh', async () => {
    const { batches, loader } = recordingNames();
    const request = newRequest();

    await loader.load(request, 'a');
    request.loads.forget();
    await loader.load(request, 'a');

    expect(batches).toEqual([['a'], ['a']]);
  });

  it('given keys made of a parent and an argument, when they are asked for, then keys equal by `keyOf` are found once', async () => {
    const batches: { unitId: string; status: string }[][] = [];
    const loader = new PerRequestLoader<{ unitId: string; status: string }, string[]>(
      async (keys) => {
        batches.push([...keys]);
        return new Map(keys.map((key) => [`${key.unitId}/${key.status}`, [key.status]]));
      },
      [],
      (key) => `${key.unitId}/${key.status}`,
    );
    const request = newRequest();

    const answers = await Promise.all([
      loader.load(request, { unitId: 'u', status: 'ACTIVE' }),
      loader.load(request, { unitId: 'u', status: 'ACTIVE' }),
    ]);

    expect(answers).toEqual([['ACTIVE'], ['ACTIVE']]);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(1);
  });
});
