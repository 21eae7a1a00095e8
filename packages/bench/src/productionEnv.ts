import { readMobileBffConfig } from '@bff/mobile-bff';
import { readWebBffConfig } from '@bff/web-bff';
import { readGuildConfig } from './guild/guildBff.js';
import type { BffConfig } from '@bff/gateway';

/** The HS256 secret a BFF uses outside production, which the bench's tokens are signed with. */
function developmentSecretOf(config: BffConfig): string {
  const key = config.auth.verificationKey;
  if (key.kind !== 'secret') throw new Error(`the ${config.name} BFF has no development secret`);
  return key.secret;
}

/**
 * NODE_ENV=production, as the image runs every container (BFFs, stock gateways and services
 * alike): graphql-js and fastify skip their development checks. Production refuses development
 * secrets by default, so each BFF is given its own as the configured secret, and the bench's
 * tokens (signed with it) still verify.
 */
export function productionEnv(): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'production',
    WEB_BFF_JWT_SECRET: developmentSecretOf(readWebBffConfig({})),
    MOBILE_BFF_JWT_SECRET: developmentSecretOf(readMobileBffConfig({})),
    BFF_JWT_SECRET: developmentSecretOf(readGuildConfig({})),
    // A bench target is stopped between parts: no load balancer to wait for.
    WEB_BFF_SHUTDOWN_DELAY_MS: '0',
    MOBILE_BFF_SHUTDOWN_DELAY_MS: '0',
    BFF_SHUTDOWN_DELAY_MS: '0',
  };
}
