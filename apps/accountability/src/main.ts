import { runService } from '@redtape/service-kit';
import { startAccountability } from './start-accountability.js';

await runService('accountability', () => startAccountability(process.env));
