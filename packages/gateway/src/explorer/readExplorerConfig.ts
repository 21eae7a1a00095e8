import { enumKey, readEnvKeys } from '../core/envKey.js';

/** The schema explorer of one BFF (`<prefix>EXPLORER`). */
export interface ExplorerConfig {
  /** Whether the BFF serves GraphiQL at /explorer, and at /graphql to browsers. */
  readonly enabled: boolean;
  /**
   * Whether the explorer signs development tokens (its token button and POST /explorer/token):
   * only outside production, and only while the BFF verifies tokens with its development
   * secret, so the endpoint never signs with a key an operator configured.
   */
  readonly developmentTokens: boolean;
}

/** The keys that replace the development secret with a configured key. */
const configuredKeys = ['JWT_SECRET', 'JWT_PUBLIC_KEY', 'JWT_JWKS_URL'] as const;

/**
 * Reads `<prefix>EXPLORER` (on or off; off by default in production, on elsewhere), adding a
 * line to `problems` when it is neither.
 */
export function readExplorerConfig(
  env: NodeJS.ProcessEnv,
  prefix: string,
  environment: 'development' | 'production' | 'test',
  problems: string[],
): ExplorerConfig {
  const keys = readEnvKeys(
    env,
    prefix,
    { EXPLORER: enumKey(['on', 'off'], environment === 'production' ? 'off' : 'on') },
    problems,
  );
  const enabled = keys.EXPLORER === 'on';
  const developmentKey = configuredKeys.every((name) => (env[prefix + name] ?? '') === '');
  return Object.freeze({ enabled, developmentTokens: enabled && environment !== 'production' && developmentKey });
}
