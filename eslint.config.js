import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const clients = ['better-sqlite3', 'pg', 'kysely', 'kafkajs', '@kurrent/*', '@eventstore/*'];
const frameworks = ['@nestjs/*', '@apollo/*', 'graphql', 'express'];

/**
 * Layer rules, enforced on every import between projects (Nx tags in each project.json):
 * domain code is pure; the event-sourcing kernel knows only the event-store port; adapters and
 * projections know no web framework; apps compose everything but never test helpers.
 */
const testHelpers = ['@redtape/testing', '@redtape/*/testing', '@jest/*', 'jest'];
const kurrentClients = ['@kurrent/*', '@eventstore/*'];
const storeAdapters = [
  '@redtape/event-store/sqlite',
  '@redtape/event-store/postgres',
  '@redtape/event-store/kurrentdb',
];

// Another context's events and rules come only through its published contract entry point.
// (`paths` bans the bare name; a pattern that banned it would hide every entry point below it.)
const proceduresInternals = ['@redtape/procedures-domain/*', '!@redtape/procedures-domain/contract'];
const proceduresIndex = ['@redtape/procedures-domain'];
const serviceKitIndex = {
  name: '@redtape/service-kit',
  message: 'an application layer imports @redtape/service-kit/application, which loads no web framework',
};
const regionsInternals = ['@redtape/regions-domain/*', '!@redtape/regions-domain/contract'];
const regionsIndex = ['@redtape/regions-domain'];

const depConstraints = [
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain', 'type:kernel'],
    bannedExternalImports: [...clients, ...frameworks],
  },
  {
    sourceTag: 'type:kernel',
    onlyDependOnLibsWithTags: ['type:kernel', 'type:store'],
    bannedExternalImports: [...clients, ...frameworks],
  },
  {
    sourceTag: 'type:store',
    onlyDependOnLibsWithTags: ['type:store', 'type:testing'],
    bannedExternalImports: frameworks,
  },
  {
    sourceTag: 'type:infrastructure',
    onlyDependOnLibsWithTags: [
      'type:infrastructure',
      'type:kernel',
      'type:store',
      'type:domain',
      'type:testing',
    ],
    bannedExternalImports: frameworks,
  },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: [
      'type:store',
      'type:kernel',
      'type:infrastructure',
      'type:domain',
      'type:testing',
    ],
  },
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:application',
      'type:read-model',
      'type:domain',
      'type:kernel',
      'type:store',
      'type:infrastructure',
      'type:api',
      'type:testing',
    ],
  },
  {
    // A context's application layer: commands and policies over the event store and its read model,
    // testable without a web framework (it imports the service kit's /application entry only).
    sourceTag: 'type:application',
    onlyDependOnLibsWithTags: [
      'type:domain',
      'type:kernel',
      'type:store',
      'type:infrastructure',
      'type:read-model',
      'type:api',
      'type:testing',
    ],
    bannedExternalImports: ['@nestjs/*', '@apollo/*', 'express'],
  },
  {
    // A context's read model: projections and queries, on Kysely; no web framework.
    sourceTag: 'type:read-model',
    onlyDependOnLibsWithTags: [
      'type:domain',
      'type:kernel',
      'type:store',
      'type:infrastructure',
      'type:testing',
    ],
    bannedExternalImports: frameworks,
  },
  {
    sourceTag: 'type:api',
    // type:testing for specs only: the test-helper rule below keeps it out of what ships.
    onlyDependOnLibsWithTags: [
      'type:domain',
      'type:kernel',
      'type:store',
      'type:infrastructure',
      'type:api',
      'type:testing',
    ],
  },
  // Contexts (scope:*) depend on themselves and shared code only. Accountability may depend on the
  // procedures project, but only on its `contract` entry point: no-restricted-imports below says so
  // (Nx tags cannot tell one entry point of a project from another).
  { sourceTag: 'scope:regions', onlyDependOnLibsWithTags: ['scope:regions', 'scope:shared'] },
  { sourceTag: 'scope:procedures', onlyDependOnLibsWithTags: ['scope:procedures', 'scope:shared'] },
  {
    sourceTag: 'scope:accountability',
    onlyDependOnLibsWithTags: ['scope:accountability', 'scope:shared', 'scope:procedures'],
  },
  {
    // The gateway answers every request first: it loads nothing that stores or streams, only the
    // libraries tagged edge:safe (platform, auth, graphql-guard), so that no store change touches it.
    sourceTag: 'scope:gateway',
    onlyDependOnLibsWithTags: ['edge:safe', 'type:testing'],
    bannedExternalImports: clients,
  },
  {
    sourceTag: 'type:e2e',
    onlyDependOnLibsWithTags: [
      'type:application',
      'type:read-model',
      'type:app',
      'type:api',
      'type:domain',
      'type:kernel',
      'type:store',
      'type:infrastructure',
      'type:testing',
    ],
  },
];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'reports/**', 'tmp/**', '.nx/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: globals.node } },
  {
    // Nx loads plugins with require.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { allow: [], depConstraints, enforceBuildableLibDependency: false },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  // no-restricted-imports: flat config keeps the last setting of a rule for a file, so each block below
  // repeats what the ones before it ban, from the widest set of files to the narrowest.
  {
    // Only the KurrentDB adapter talks to KurrentDB: everything else goes through the port.
    files: ['**/*.ts'],
    ignores: ['libs/event-store/src/kurrentdb/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: kurrentClients }] },
  },
  {
    // Test helpers stay out of what ships.
    files: ['apps/*/src/**/*.ts', 'libs/*/src/**/*.ts', 'libs/*/*/src/**/*.ts'],
    ignores: [
      '**/*.spec.ts',
      '**/testing/**',
      'libs/testing/**',
      'apps/e2e/**',
      'libs/event-store/src/kurrentdb/**',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [...kurrentClients, ...testHelpers] }] },
  },
  {
    // The application layers take from the service kit only what loads no web framework.
    files: ['libs/*/application/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [serviceKitIndex], patterns: [...kurrentClients, ...testHelpers] },
      ],
    },
  },
  {
    // Accountability reads procedures only through their published contract.
    files: ['apps/accountability/src/**/*.ts', 'libs/accountability/read-model/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: proceduresIndex, patterns: [...kurrentClients, ...testHelpers, ...proceduresInternals] },
      ],
    },
  },
  {
    files: ['libs/accountability/application/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...proceduresIndex, serviceKitIndex],
          patterns: [...kurrentClients, ...testHelpers, ...proceduresInternals],
        },
      ],
    },
  },
  {
    // The mirror of the map that other services keep reads the regions only through their contract.
    files: ['libs/regions/mirror/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: regionsIndex, patterns: [...kurrentClients, ...testHelpers, ...regionsInternals] },
      ],
    },
  },
  {
    files: ['libs/event-store/src/kurrentdb/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: testHelpers }] },
  },
  {
    // The kernel and the domains know the port, never an adapter (specs may run against one).
    files: ['libs/event-sourcing/src/**/*.ts', 'libs/*/domain/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...kurrentClients, ...testHelpers, ...storeAdapters] }],
    },
  },
  {
    files: ['libs/accountability/domain/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: proceduresIndex,
          patterns: [...kurrentClients, ...testHelpers, ...storeAdapters, ...proceduresInternals],
        },
      ],
    },
  },
  {
    // The port is vendor-neutral: only adapters import a client library.
    files: ['libs/event-store/src/port/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...clients, ...testHelpers] }] },
  },
  {
    files: ['bench/**/*.ts', 'tools/**/*.ts', 'tools/**/*.js', '**/testing/contract-writer.ts'],
    rules: { 'no-console': 'off' },
  },
  prettier,
);
