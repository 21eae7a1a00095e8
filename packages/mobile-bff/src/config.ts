import { readConfig, type BffConfig } from '@bff/gateway';
import { defaultServiceUrls } from '@bff/connectors';
import { fileURLToPath } from 'node:url';

/** Environment prefix of every mobile BFF setting, e.g. `MOBILE_BFF_PORT`. */
export const mobileBffEnvPrefix = 'MOBILE_BFF_';

/** Reads the mobile BFF's configuration: port 4001 and supergraph/mobile.graphql unless the environment says otherwise. */
export function readMobileBffConfig(env: NodeJS.ProcessEnv = process.env): BffConfig {
  return readConfig(env, mobileBffEnvPrefix, {
    name: 'mobile',
    port: 4001,
    supergraphFile: fileURLToPath(new URL('../../../supergraph/mobile.graphql', import.meta.url)),
    serviceUrls: defaultServiceUrls,
  });
}
