export default {
  projects: [
    '<rootDir>/{libs,apps}/*/jest.config.js',
    '<rootDir>/libs/*/*/jest.config.js',
    '<rootDir>/bench/jest.config.js',
  ],
  // Global by Jest's design (a project's own testTimeout is ignored); the slowest steps set their own.
  testTimeout: 30_000,
};
