export * from './procedure-history.js';
export * from './procedures-commands.js';
