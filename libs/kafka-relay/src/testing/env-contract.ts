/** The test contract for the context named by REDTAPE_TEST_CONTEXT: a `--contract` module for the replay CLI. */
import { testContract } from './test-contract.js';

const context = process.env['REDTAPE_TEST_CONTEXT'];
if (context === undefined) throw new Error('set REDTAPE_TEST_CONTEXT');

export const integrationContract = testContract(context);
