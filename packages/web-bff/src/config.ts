import { readConfig, type BffConfig } from '@bff/gateway';
import { defaultServiceUrls } from '@bff/connectors';
import { fileURLToPath } from 'node:url';

/** Environment prefix of every web BFF setting, e.g. `WEB_BFF_PORT`. */
export const webBffEnvPrefix = 'WEB_BFF_';

/**
 * Reads the web BFF's configuration: port 4000, supergraph/web.graphql, and tokens from
 * issuer 'bff-dev' for audience 'web-bff' (HS256 with a development secret outside
 * production) unless the environment says otherwise.
 */
export function readWebBffConfig(env: NodeJS.ProcessEnv = process.env): BffConfig {
  return readConfig(env, webBffEnvPrefix, {
    name: 'web',
    port: 4000,
    supergraphFile: fileURLToPath(new URL('../../../supergraph/web.graphql', import.meta.url)),
    serviceUrls: defaultServiceUrls,
    auth: {
      issuer: 'bff-dev',
      audience: 'web-bff',
      developmentSecret: 'web-bff-development-secret-not-for-production',
    },
    // Under overload, orders go first and product pages next; everything else is normal.
    protection: { priorities: { critical: ['createOrder'], high: ['productPage'] } },
  });
}
