import { jestProject } from '../../jest.preset.js';

// The suites start the built services as real processes (tools/launcher.mjs), one system per file.
export default jestProject('e2e', { testMatch: ['<rootDir>/src/**/*.e2e.spec.ts'] });
