import type { Principal } from '@redtape/auth';

/** What the gateway knows about one request once the edge has checked its token. */
export interface GatewayContext {
  /** The Authorization header exactly as the client sent it, for the subgraphs to check again. */
  readonly authorization?: string;
  /** Absent for an anonymous request. */
  readonly principal?: Principal;
}
