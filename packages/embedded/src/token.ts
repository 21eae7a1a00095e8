import { ConfigError, signDevelopmentToken, type BffConfig } from '@bff/gateway';
import { readMobileBffConfig } from '@bff/mobile-bff';
import { readWebBffConfig } from '@bff/web-bff';
import { parseArgs } from 'node:util';

/**
 * `npm run token -- --sub 1 --roles customer --client web`: prints a token the chosen BFF
 * accepts, signed with its HMAC secret (the development one unless WEB_BFF_JWT_SECRET or
 * MOBILE_BFF_JWT_SECRET says otherwise), its issuer and audience, issued to that client app.
 */
const usage = `Usage: npm run token -- --sub ID [--roles a,b] [--scopes a,b] [--client web|mobile] [--expires-in 1h]

Prints a bearer token for trying a BFF: curl -H "Authorization: Bearer $(npm run -s token -- --sub 1)" ...
  --sub         the user id (the token's sub), e.g. 1
  --roles       comma-separated roles, e.g. customer or staff (default none)
  --scopes      comma-separated scopes (default none)
  --client      which BFF accepts it, and the client app it is issued to (default web)
  --expires-in  seconds, or a duration such as 15m or 2h (default 1h)`;

const readers: Record<string, (env: NodeJS.ProcessEnv) => BffConfig> = {
  web: readWebBffConfig,
  mobile: readMobileBffConfig,
};

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(1);
}

let flags: { sub?: string; roles?: string; scopes?: string; client?: string; 'expires-in'?: string; help?: boolean };
try {
  flags = parseArgs({
    options: {
      sub: { type: 'string' },
      roles: { type: 'string' },
      scopes: { type: 'string' },
      client: { type: 'string', default: 'web' },
      'expires-in': { type: 'string', default: '1h' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
} catch (error) {
  fail((error as Error).message);
}
if (flags.help) {
  console.log(usage);
  process.exit(0);
}
const client = flags.client ?? 'web';
const read = readers[client];
if (!read) fail(`--client must be one of web, mobile, but got: '${client}'`);
if (!flags.sub) fail('--sub is required');

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
const expiresIn = flags['expires-in'] ?? '1h';
try {
  const token = signDevelopmentToken(read(process.env).auth, {
    sub: flags.sub,
    roles: list(flags.roles),
    scopes: list(flags.scopes),
    clientId: client,
    expiresIn: /^-?\d+$/.test(expiresIn) ? Number(expiresIn) : expiresIn,
  });
  console.log(token);
} catch (error) {
  fail(error instanceof ConfigError ? error.message : `could not sign a token: ${(error as Error).message}`);
}
