export { startAccountability } from './start-accountability.js';
