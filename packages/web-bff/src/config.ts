import { readConfig, type BffConfig } from '@bff/gateway';
import { defaultServiceUrls } from '@bff/connectors';
import { fileURLToPath } from 'node:url';

/** Environment prefix of every web BFF setting, e.g. `WEB_BFF_PORT`. */
export const webBffEnvPrefix = 'WEB_BFF_';

/** Reads the web BFF's configuration: port 4000 and supergraph/web.graphql unless the environment says otherwise. */
export function readWebBffConfig(env: NodeJS.ProcessEnv = process.env): BffConfig {
  return readConfig(env, webBffEnvPrefix, {
    name: 'web',
    port: 4000,
    supergraphFile: fileURLToPath(new URL('../../../supergraph/web.graphql', import.meta.url)),
    serviceUrls: defaultServiceUrls,
  });
}
