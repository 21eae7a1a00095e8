import {
  allow,
  createBffServer,
  isAuthenticated,
  readConfig,
  signDevelopmentToken,
  type AuthorizationOptions,
  type BffConfig,
  type BffServer,
} from '@bff/gateway';
import { fileURLToPath } from 'node:url';

/** The Guild benchmark's supergraph, composed by `npm run compose` from supergraph/guild-benchmark.yaml. */
export const guildSupergraphFile = fileURLToPath(
  new URL('../../../../supergraph/guild-benchmark.graphql', import.meta.url),
);

/** Environment prefix of the benchmark BFF: the kit's CLI prefix, so the same keys serve it. */
export const guildEnvPrefix = 'BFF_';

/**
 * Rules as a BFF over these subgraphs would have them: people and their reviews only for
 * signed-in viewers (a type rule on User judges every user object of the response), the catalogue public.
 */
export const guildAuthorization: AuthorizationOptions = {
  rules: {
    Query: { me: isAuthenticated, user: isAuthenticated, users: isAuthenticated, topProducts: allow },
    User: isAuthenticated,
    Review: allow,
    Product: allow,
  },
};

/**
 * The kit serving The Guild's benchmark supergraph with authentication, the rules above,
 * operation limits (the benchmark query's estimated cost is about 103,000: MAX_COST is raised to
 * let it through, as an operator serving it would), metrics and per-user rate limits on.
 */
export function createGuildBff(env: NodeJS.ProcessEnv): BffServer {
  return createBffServer(readGuildConfig(env), { authorization: guildAuthorization });
}

/** The benchmark BFF's configuration from `env` (BFF_* keys, as the CLI reads them), on a free port. */
export function readGuildConfig(env: NodeJS.ProcessEnv): BffConfig {
  return readConfig({ BFF_MAX_COST: '200000', ...env, [`${guildEnvPrefix}PORT`]: '0' }, guildEnvPrefix, {
    name: 'guild',
    port: 0,
    supergraphFile: guildSupergraphFile,
    auth: { issuer: 'bff-dev', audience: 'guild', developmentSecret: guildDevelopmentSecret },
  });
}

/** A token the benchmark BFF accepts, for user `sub`. */
export function signGuildToken(sub: string): string {
  return signDevelopmentToken(readGuildConfig({}).auth, { sub, expiresIn: '2h' });
}

/** The HS256 secret of the benchmark's tokens (outside production only, like every development secret). */
export const guildDevelopmentSecret = 'guild-benchmark-development-secret-not-for-production';
