import { ConfigurationError } from '@redtape/auth';
import { startRegions } from './start-regions.js';

try {
  await startRegions(process.env);
} catch (error) {
  if (!(error instanceof ConfigurationError)) throw error;
  process.stderr.write(`regions: ${error.message}\n`);
  process.exit(1);
}
