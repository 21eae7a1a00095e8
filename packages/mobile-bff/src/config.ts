import { readConfig, type BffConfig } from '@bff/gateway';
import { defaultServiceUrls } from '@bff/connectors';
import { fileURLToPath } from 'node:url';
import { mobileManifestFile } from './trustedDocuments.js';

/** Environment prefix of every mobile BFF setting, e.g. `MOBILE_BFF_PORT`. */
export const mobileBffEnvPrefix = 'MOBILE_BFF_';

/**
 * Reads the mobile BFF's configuration: port 4001, supergraph/mobile.graphql, and tokens from
 * issuer 'bff-dev' for audience 'mobile-bff' (HS256 with a development secret outside
 * production), and the trusted operations of persisted-query-manifest.json, unless the
 * environment says otherwise.
 */
export function readMobileBffConfig(env: NodeJS.ProcessEnv = process.env): BffConfig {
  return readConfig(env, mobileBffEnvPrefix, {
    name: 'mobile',
    port: 4001,
    supergraphFile: fileURLToPath(new URL('../../../supergraph/mobile.graphql', import.meta.url)),
    serviceUrls: defaultServiceUrls,
    auth: {
      issuer: 'bff-dev',
      audience: 'mobile-bff',
      developmentSecret: 'mobile-bff-development-secret-not-for-production',
    },
    // Under overload, orders go first; the feed is the app's normal traffic.
    protection: { priorities: { critical: ['createOrder'], normal: ['feed'] } },
    // Trusted documents: enforce in production, log elsewhere (MOBILE_BFF_TRUSTED_DOCUMENTS).
    trustedDocumentsManifest: mobileManifestFile,
  });
}
