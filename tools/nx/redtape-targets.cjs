/**
 * The one place that says how every Nx project is built, tested and linted: each project.json gets
 * `build` (tsc -b of its tsconfig, into its dist/), `test` (its jest project), `lint` (eslint over its
 * folder) and, for apps/e2e, `e2e` (the suites that start the built system). Inputs and caching are
 * in nx.json's targetDefaults, so `nx affected -t test` runs what a change can break and nothing else.
 * CommonJS because Nx loads plugins with require.
 */
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { createNodesFromFiles } = require('nx/src/devkit-exports');

const JEST = 'node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest';

function targetsFor(projectRoot, workspaceRoot) {
  const project = JSON.parse(readFileSync(join(workspaceRoot, projectRoot, 'project.json'), 'utf8'));
  const targets = {};
  const has = (file) => existsSync(join(workspaceRoot, projectRoot, file));
  if (has('tsconfig.json') && projectRoot !== 'apps/e2e')
    targets.build = {
      command: `node node_modules/typescript/bin/tsc -b ${projectRoot}/tsconfig.json`,
      options: { cwd: '{workspaceRoot}' },
      outputs: ['{projectRoot}/dist'],
    };
  if (has('jest.config.js'))
    targets.test = {
      command: `${JEST} --selectProjects ${project.name}`,
      options: { cwd: '{workspaceRoot}' },
    };
  targets.lint = {
    command: `node node_modules/eslint/bin/eslint.js ${projectRoot}`,
    options: { cwd: '{workspaceRoot}' },
  };
  if (projectRoot === 'apps/e2e')
    targets.e2e = {
      // run-tests builds every service first, as the suites start them from dist/, and starts PostgreSQL.
      command: 'node tools/run-tests.mjs --selectProjects e2e',
      options: { cwd: '{workspaceRoot}' },
    };
  return targets;
}

exports.createNodesV2 = [
  '{apps,libs}/**/project.json',
  (configFiles, _options, context) =>
    createNodesFromFiles(
      (configFile) => {
        const projectRoot = dirname(configFile);
        return { projects: { [projectRoot]: { targets: targetsFor(projectRoot, context.workspaceRoot) } } };
      },
      configFiles,
      _options,
      context,
    ),
];
