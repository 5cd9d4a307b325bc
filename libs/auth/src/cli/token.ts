/**
 * `npm run -s token -- --role official --unit district/nookat`: prints a signed HS256 token alone on
 * stdout, signed with the same secret the services on this data dir verify with.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { authConfigFromEnv } from '../auth-config.js';
import { ConfigurationError } from '../configuration-error.js';
import { mintToken } from '../mint-token.js';
import { TOKEN_USAGE, UsageError, parseTokenArguments } from './token-arguments.js';

// Same depth from src/cli and dist/cli.
const REPOSITORY_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

async function run(): Promise<number> {
  const command = parseTokenArguments(process.argv.slice(2));
  if (command.kind === 'help') {
    process.stdout.write(`${TOKEN_USAGE}\n`);
    return 0;
  }

  const dataDir = resolve(process.env['REDTAPE_DATA_DIR'] ?? resolve(REPOSITORY_ROOT, 'data'));
  const { signingSecret } = authConfigFromEnv(process.env, { dataDir });
  if (signingSecret === undefined) {
    throw new ConfigurationError(
      'REDTAPE_JWKS_URL is set, so tokens come from the identity provider that publishes those keys; this command signs HS256 tokens only',
    );
  }
  const expiresIn = command.expiresIn === undefined ? {} : { expiresIn: command.expiresIn };
  process.stdout.write(`${await mintToken(command.claims, signingSecret, expiresIn)}\n`);
  return 0;
}

try {
  process.exitCode = await run();
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`token: ${error.message}\n${TOKEN_USAGE}\n`);
    process.exitCode = 2;
  } else if (error instanceof ConfigurationError) {
    process.stderr.write(`token: ${error.problems.join('\n       ')}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
