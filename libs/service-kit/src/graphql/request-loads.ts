import type { ApolloServerPlugin } from '@apollo/server';

/**
 * What one GraphQL request has loaded so far: the scope its DataLoaders live in (see
 * `PerRequestLoader`). Made empty with the request's context; nothing is loaded until a resolver asks.
 */
export class RequestLoads {
  private current: object = {};

  /** Changes whenever the loads are forgotten; loaders are kept per scope. */
  get scope(): object {
    return this.current;
  }

  /** Drops every loader of the request, so that what is read next is read afresh. */
  forget(): void {
    this.current = {};
  }
}

/**
 * Mutations of one document run one after the other, each followed by its selection: rows loaded
 * for an earlier one would show the next one's selection the state before its change. So each
 * mutation starts with nothing loaded; a query's fields keep sharing one set of loads.
 */
export function forgetLoadsAtEachMutation(): ApolloServerPlugin<{ readonly loads: RequestLoads }> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ operation, contextValue }) {
          if (operation.operation !== 'mutation') return;
          return {
            willResolveField({ info }) {
              if (info.path.prev === undefined) contextValue.loads.forget();
            },
          };
        },
      };
    },
  };
}
