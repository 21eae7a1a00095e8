import { parseArgs } from 'node:util';
import { readConfig } from './config/readConfig.js';
import { createBffServer } from './server/createBffServer.js';
import { serveUntilSignal } from './server/serveUntilSignal.js';

const usage = `Usage: bff-gateway --supergraph FILE [--port N] [--host HOST] [--name NAME]

Serves a composed supergraph. Every subgraph is reached at its routing URL from the supergraph,
overridable with BFF_SUBGRAPH_<NAME>_URL. Other settings: BFF_WORKERS (processes sharing the port),
BFF_BODY_LIMIT_BYTES, BFF_CONNECTIONS_PER_ORIGIN, BFF_SUBGRAPH_TIMEOUT_MS, NODE_ENV, LOG_LEVEL.
Bearer tokens: BFF_JWT_ISSUERS (default bff-dev), BFF_JWT_AUDIENCE (default the --name),
BFF_JWT_ALGORITHMS (default HS256), BFF_JWT_SECRET (required in production), BFF_JWT_PUBLIC_KEY
or BFF_JWT_JWKS_URL (for RS*, PS*, ES*), BFF_JWT_CLOCK_TOLERANCE_S, BFF_JWT_MAX_BYTES.
Protection: BFF_MAX_DEPTH, BFF_MAX_COST and the other BFF_MAX_* limits, BFF_RATE_LIMIT_*,
REDIS_URL, BFF_ADMISSION_*, BFF_PRIORITY_<CLASS>.
Operations: BFF_METRICS, BFF_SHUTDOWN_DELAY_MS, BFF_SHUTDOWN_GRACE_MS, BFF_SUPERGRAPH_RELOAD, BFF_OTLP_TRACES_URL
(see the README's configuration table).`;

let flags: { supergraph?: string; port?: string; host?: string; name?: string; help?: boolean };
try {
  flags = parseArgs({
    options: {
      supergraph: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exit(1);
}
if (flags.help) {
  console.log(usage);
  process.exit(0);
}
if (!flags.supergraph && !process.env['BFF_SUPERGRAPH']) {
  console.error(`--supergraph is required\n\n${usage}`);
  process.exit(1);
}

// Flags win over the environment; both go through the same validation.
const env = {
  ...process.env,
  ...(flags.supergraph && { BFF_SUPERGRAPH: flags.supergraph }),
  ...(flags.port && { BFF_PORT: flags.port }),
  ...(flags.host && { BFF_HOST: flags.host }),
};
const name = flags.name ?? 'gateway';
const auth = {
  issuer: 'bff-dev',
  audience: name,
  developmentSecret: 'bff-gateway-development-secret-not-for-production',
};
await serveUntilSignal(() =>
  createBffServer(readConfig(env, 'BFF_', { name, port: 4000, supergraphFile: 'supergraph.graphql', auth })),
);
