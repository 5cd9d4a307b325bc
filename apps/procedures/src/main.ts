import { runService } from '@redtape/service-kit';
import { startProcedures } from './start-procedures.js';

await runService('procedures', () => startProcedures(process.env));
