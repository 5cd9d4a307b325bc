import { jestProject } from '../../jest.preset.js';

// The e2e spec starts Nest, a gateway and a subgraph.
export default jestProject('gateway');
