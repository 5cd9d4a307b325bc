export { startProcedures } from './start-procedures.js';
