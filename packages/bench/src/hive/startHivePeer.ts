import { createStockKit } from '@bff/conformance';
import { createConnectorSubgraphs } from '@bff/connectors';
import { readSupergraph, type BffConfig, type Supergraph } from '@bff/gateway';
import { startHiveGateway, type HiveGateway, type HiveJwtOptions } from '@bff/hive-peer';
import { createWebSubgraph, readWebBffConfig } from '@bff/web-bff';
import { readGuildConfig } from '../guild/guildBff.js';

/** The tokens a BFF accepts, for Hive Gateway to accept the same: the bench signs them with the BFF's HS256 secret. */
function jwtOf(config: BffConfig): HiveJwtOptions {
  const key = config.auth.verificationKey;
  if (key.kind !== 'secret')
    throw new Error(`the ${config.name} BFF must verify tokens with a secret, but uses: ${key.kind}`);
  return { secret: key.secret, issuers: config.auth.issuers, audience: config.auth.audience };
}

/** The URL of each subgraph served over HTTP, by name. */
function remoteUrls(supergraph: Supergraph): Record<string, string> {
  return Object.fromEntries(
    supergraph.subgraphs.filter((subgraph) => !subgraph.inProcess).map((subgraph) => [subgraph.name, subgraph.url]),
  );
}

/** Hive Gateway over The Guild's benchmark supergraph and the subgraphs `BFF_SUBGRAPH_<NAME>_URL` name. */
export async function startHiveGuild(env: NodeJS.ProcessEnv): Promise<HiveGateway> {
  const config = readGuildConfig(env);
  const supergraph = readSupergraph(config.supergraphFile, config.subgraphs.urlOverrides);
  return startHiveGateway({ supergraphSdl: supergraph.sdl, subgraphUrls: remoteUrls(supergraph), jwt: jwtOf(config) });
}

/**
 * Hive Gateway over the web BFF's supergraph, as the `stock:web` target serves it: products and
 * reviews over HTTP, the REST connectors and the web view models in-process, over the same REST
 * client as stock's (conformance's createStockKit), the REST services the `WEB_BFF_*` keys name.
 */
export async function startHiveWeb(env: NodeJS.ProcessEnv): Promise<HiveGateway> {
  const config = readWebBffConfig(env);
  const supergraph = readSupergraph(config.supergraphFile, config.subgraphs.urlOverrides);
  const { kit, context, close } = createStockKit(config, supergraph);
  const hive = await startHiveGateway({
    supergraphSdl: supergraph.sdl,
    subgraphUrls: remoteUrls(supergraph),
    inProcessSubgraphs: [...createConnectorSubgraphs(kit), createWebSubgraph()],
    inProcessContext: context,
    jwt: jwtOf(config),
  }).catch(async (error: unknown) => {
    await close();
    throw error;
  });
  return {
    url: hive.url,
    async stop() {
      await hive.stop();
      await close();
    },
  };
}
