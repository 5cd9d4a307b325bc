/**
 * Shared jest settings. The workspace is ESM (Nest 12 ships ESM only), so jest runs with
 * --experimental-vm-modules and ts-jest in ESM mode; libraries resolve to their TypeScript sources
 * through the @redtape/source export condition, so tests never need a build first.
 */
import { fileURLToPath } from 'node:url';

const baseTsconfig = fileURLToPath(new URL('./tsconfig.base.json', import.meta.url));

export function jestProject(displayName, extra = {}) {
  return {
    displayName,
    testEnvironment: 'node',
    testEnvironmentOptions: { customExportConditions: ['@redtape/source', 'node', 'node-addons'] },
    extensionsToTreatAsEsm: ['.ts'],
    moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json', 'node'],
    moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
    transform: {
      '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: baseTsconfig }],
    },
    testMatch: ['<rootDir>/src/**/*.spec.ts'],
    ...extra,
  };
}
