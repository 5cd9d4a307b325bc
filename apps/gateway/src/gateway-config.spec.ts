import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '@redtape/auth';
import { gatewayConfigFromEnv } from './gateway-config.js';

const secrets = { REDTAPE_JWT_SECRET: 'j'.repeat(32), REDTAPE_GATEWAY_SECRET: 'g'.repeat(32) };
const dataDir = mkdtempSync(join(tmpdir(), 'redtape-gateway-config-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function problems(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    gatewayConfigFromEnv({ ...secrets, REDTAPE_DATA_DIR: dataDir, ...env }, { appsDir: '/repo/apps' });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).problems;
  }
  throw new Error('expected a ConfigurationError');
}

describe('the gateway configuration', () => {
  it('listens on 127.0.0.1:4000 and finds the subgraphs on their default ports', () => {
    const config = gatewayConfigFromEnv({ ...secrets, REDTAPE_DATA_DIR: dataDir }, { appsDir: '/repo/apps' });

    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 4000,
      production: false,
      logLevel: 'info',
      dataDir,
    });
    expect(config.subgraphs).toEqual([
      {
        name: 'regions',
        url: 'http://127.0.0.1:4001/graphql',
        schemaFile: '/repo/apps/regions/schema.graphql',
      },
      {
        name: 'procedures',
        url: 'http://127.0.0.1:4002/graphql',
        schemaFile: '/repo/apps/procedures/schema.graphql',
      },
      {
        name: 'accountability',
        url: 'http://127.0.0.1:4003/graphql',
        schemaFile: '/repo/apps/accountability/schema.graphql',
      },
    ]);
    expect(config.auth.verification).toEqual({ kind: 'hs256', secret: secrets.REDTAPE_JWT_SECRET });
  });

  it('takes ports, URLs, host and mode from the environment', () => {
    const config = gatewayConfigFromEnv(
      {
        ...secrets,
        GATEWAY_PORT: '8080',
        HOST: '0.0.0.0',
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        REGIONS_PORT: '5001',
        PROCEDURES_URL: 'https://procedures.internal/graphql',
      },
      { appsDir: '/repo/apps' },
    );

    expect(config).toMatchObject({ host: '0.0.0.0', port: 8080, production: true, logLevel: 'warn' });
    expect(config.subgraphs.map((subgraph) => subgraph.url)).toEqual([
      'http://127.0.0.1:5001/graphql',
      'https://procedures.internal/graphql',
      'http://127.0.0.1:4003/graphql',
    ]);
  });

  it.each([
    [
      { GATEWAY_PORT: 'four thousand' },
      'GATEWAY_PORT must be a port number from 1 to 65535, got "four thousand"',
    ],
    [{ GATEWAY_PORT: '70000' }, 'GATEWAY_PORT must be a port number from 1 to 65535, got "70000"'],
    [{ REGIONS_PORT: '40O1' }, 'REGIONS_PORT must be a port number from 1 to 65535, got "40O1"'],
    [
      { ACCOUNTABILITY_URL: 'accountability:4003' },
      'ACCOUNTABILITY_URL must be an http or https URL, got "accountability:4003"',
    ],
    [
      { LOG_LEVEL: 'verbose' },
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, got "verbose"',
    ],
  ])('refuses %p with a message naming the variable', (env, message) => {
    expect(problems(env)).toEqual([message]);
  });

  it('lists every bad value at once, the auth settings included', () => {
    expect(problems({ GATEWAY_PORT: 'x', PROCEDURES_URL: 'nope', REDTAPE_GATEWAY_SECRET: 'short' })).toEqual([
      'GATEWAY_PORT must be a port number from 1 to 65535, got "x"',
      'PROCEDURES_URL must be an http or https URL, got "nope"',
      'REDTAPE_GATEWAY_SECRET must be at least 32 characters long (it has 5)',
    ]);
  });

  it('limits bodies to 100 KiB and headers to 16 KiB unless told otherwise', () => {
    const defaults = gatewayConfigFromEnv({ ...secrets, REDTAPE_DATA_DIR: dataDir });
    const set = gatewayConfigFromEnv({
      ...secrets,
      REDTAPE_DATA_DIR: dataDir,
      GRAPHQL_MAX_BODY_BYTES: '1048576',
      GATEWAY_MAX_HEADER_BYTES: '32768',
    });

    expect(defaults.limits).toEqual({ maxBodyBytes: 102_400, maxHeaderBytes: 16_384 });
    expect(set.limits).toEqual({ maxBodyBytes: 1_048_576, maxHeaderBytes: 32_768 });
  });

  it('refuses limits that are not a sensible number of bytes', () => {
    expect(problems({ GRAPHQL_MAX_BODY_BYTES: '100kb', GATEWAY_MAX_HEADER_BYTES: '10' })).toEqual([
      'GRAPHQL_MAX_BODY_BYTES must be a whole number ≥ 1024, got "100kb"',
      'GATEWAY_MAX_HEADER_BYTES must be a number of bytes from 1024 to 67108864, got "10"',
    ]);
  });

  it('serves every subgraph unless GATEWAY_LEAVE_OUT names some, and knows their names', () => {
    const read = (env: NodeJS.ProcessEnv) =>
      gatewayConfigFromEnv({ ...secrets, REDTAPE_DATA_DIR: dataDir, ...env }, { appsDir: '/repo/apps' })
        .leaveOut;

    expect(read({})).toEqual([]);
    expect(read({ GATEWAY_LEAVE_OUT: ' accountability , procedures' })).toEqual([
      'accountability',
      'procedures',
    ]);
    expect(problems({ GATEWAY_LEAVE_OUT: 'acountability' })).toEqual([
      'GATEWAY_LEAVE_OUT names no subgraph: acountability (the subgraphs are regions, procedures, accountability)',
    ]);
    expect(problems({ GATEWAY_LEAVE_OUT: 'regions,procedures,accountability' })).toEqual([
      'GATEWAY_LEAVE_OUT leaves out every subgraph',
    ]);
  });
});
