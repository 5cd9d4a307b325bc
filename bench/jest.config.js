import { jestProject } from '../jest.preset.js';

// The bench's own pure parts (the history generator's mix and seed, the command lines) are specified
// too; the benches themselves are run by npm run bench and npm run bench:scale, not by jest.
export default jestProject('bench', {
  testMatch: ['<rootDir>/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/../tsconfig.base.json' }],
  },
});
