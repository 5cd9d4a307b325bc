export * from './regions-commands.js';
