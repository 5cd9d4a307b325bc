import { jestProject } from '../../jest.preset.js';

// *.e2e.spec.ts start the built services as real processes (tools/launcher.mjs), one system per file;
// the other *.spec.ts read the deployment files (docker-compose.yml, Dockerfile) without starting anything.
export default jestProject('e2e');
