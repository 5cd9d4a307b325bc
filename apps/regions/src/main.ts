import { runService } from '@redtape/service-kit';
import { startRegions } from './start-regions.js';

await runService('regions', () => startRegions(process.env));
