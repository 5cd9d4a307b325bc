// What every process of the system shares and nothing more: the gateway loads this, never the
// storage stack that the subgraphs' service kit brings.
export * from './logging/logger.js';
export * from './logging/nest-logger.js';
export * from './settings.js';
