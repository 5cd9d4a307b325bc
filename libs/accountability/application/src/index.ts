export * from './accountability-commands.js';
export * from './deadline-watcher.js';
