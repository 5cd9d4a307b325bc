import DataLoader from 'dataloader';
import type { RequestLoads } from './request-loads.js';

/**
 * Finds many keys at once: what was found, by `keyOf(key)`. A key left out was not found (the
 * loader then answers its `absent` value), so a batch reads only what exists.
 */
export type FindMany<K, V> = (keys: readonly K[]) => Promise<ReadonlyMap<string, V>>;

/**
 * Loads one kind of thing by key (an id, or a parent and its arguments), batching the keys that the
 * resolvers of one GraphQL request ask for in the same tick into one `findMany`, and remembering the
 * answers until that request ends. Each request gets a DataLoader of its own the first time one of
 * its resolvers asks (kept in the scope of the request's `RequestLoads`, which its GraphQL context
 * carries): a cache shared between requests would show one caller rows older than its own last
 * change, and REQUEST-scoped Nest providers would rebuild every resolver for every request.
 */
export class PerRequestLoader<K, V> {
  private readonly loaders = new WeakMap<object, DataLoader<K, V, string>>();

  constructor(
    private readonly findMany: FindMany<K, V>,
    private readonly absent: V,
    private readonly keyOf: (key: K) => string,
  ) {}

  load(context: { readonly loads: RequestLoads }, key: K): Promise<V> {
    return this.loaderOf(context.loads.scope).load(key);
  }

  private loaderOf(scope: object): DataLoader<K, V, string> {
    let loader = this.loaders.get(scope);
    if (loader === undefined) {
      loader = new DataLoader<K, V, string>(
        async (keys) => {
          const found = await this.findMany(keys);
          return keys.map((key) => found.get(this.keyOf(key)) ?? this.absent);
        },
        { cacheKeyFn: this.keyOf },
      );
      this.loaders.set(scope, loader);
    }
    return loader;
  }
}

/** A loader by id: a string is its own key. */
export function loaderById<V>(findMany: FindMany<string, V>, absent: V): PerRequestLoader<string, V> {
  return new PerRequestLoader(findMany, absent, (id) => id);
}
