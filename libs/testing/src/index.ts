export * from './eventually.js';
