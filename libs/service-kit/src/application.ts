/**
 * `@redtape/service-kit/application`: what a context's application layer needs of the service kit,
 * and nothing that loads NestJS or Apollo: the one authorization, the edge's typed errors, command
 * metadata and retry options. The application libraries import only this entry point (lint says so).
 */
export { authorize, type AuthorizationPolicy } from './commands/authorize.js';
export { actorOf } from './commands/actor-of.js';
export { apiError } from './errors/api-error.js';
export * from './commands/command-metadata.js';
export type { ReadYourWrites } from './commands/read-your-writes.js';
