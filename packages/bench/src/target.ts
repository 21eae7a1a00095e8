import { readResponseDelay } from '@bff/service-kit';
import { serviceNames, startServices } from '@bff/testing';
import { createWebBff, createWebSubgraph, readWebBffConfig, webBffEnvPrefix } from '@bff/web-bff';
import { forkIfConfigured, readSupergraph, startServing, type BffServer } from '@bff/gateway';
import cluster from 'node:cluster';
import { startGuildSubgraphs } from '@bff/service-guild-benchmark';
import { createGuildBff, guildSupergraphFile, readGuildConfig } from './guild/guildBff.js';
import { serveFloorGateway } from './floorGateway.js';
import { startStockBffGateway, startStockGateway } from '@bff/conformance';
import { createConnectorSubgraphs } from '@bff/connectors';
import { createMobileBff, createMobileSubgraph, mobileBffEnvPrefix, readMobileBffConfig } from '@bff/mobile-bff';
import { guildControlName } from './guild/guildSubgraphEnv.js';
import { startHiveGuild, startHiveWeb } from './hive/startHivePeer.js';
import { serveRequestCounts } from './serveRequestCounts.js';

/**
 * A benchmark target process: `services` runs every example service (each slowed by its
 * `<NAME>_RESPONSE_DELAY_MS`, the key runService reads); `web-bff` or
 * `web-bff:no-rules` runs the web BFF over the services named in the environment;
 * `stock:<bff>` stock @apollo/gateway and `hive:guild` or `hive:web` Hive Gateway with its Rust
 * planner over the same supergraph and services;
 * `floor:product-page` a gateway that only makes the product page's calls (BENCH_SERVICES). Prints one
 * JSON line of URLs when ready; stops on SIGTERM.
 */
const kind = process.argv[2];
const stops: (() => Promise<void>)[] = [];
const stopOnSignal = () =>
  process.once('SIGTERM', () => void Promise.all(stops.map((stop) => stop())).then(() => process.exit(0)));

/** Serves a BFF and prints its URL; with <P>WORKERS above 1 this process forks workers and supervises them. */
async function serveBff(bff: BffServer): Promise<void> {
  const forked = await forkIfConfigured(bff, () => undefined);
  if (forked) {
    console.log(JSON.stringify({ url: `${forked}/graphql` }));
    return;
  }
  stopOnSignal();
  stops.push(() => bff.stop());
  const address = await startServing(bff);
  // A worker's primary prints the URL once every worker listens.
  if (!cluster.isWorker) console.log(JSON.stringify({ url: `${address}/graphql` }));
}

if (kind === 'services') {
  stopOnSignal();
  const delays = serviceNames.map((name) => [name, readResponseDelay(name, process.env)] as const);
  const services = await startServices();
  stops.push(() => services.close());
  for (const [name, delayMs] of delays) if (delayMs > 0) services.behave(name, { delayMs });
  // A control port for the bench: the calls each service received.
  const control = await serveRequestCounts(
    () => Object.fromEntries(Object.entries(services.calls).map(([name, calls]) => [name, calls.length])),
    () => services.resetCalls(),
  );
  stops.push(() => control.close());
  console.log(JSON.stringify({ ...services.urls, control: control.url }));
} else if (kind === 'web-bff' || kind === 'web-bff:no-rules') {
  const config = readWebBffConfig({ ...process.env, [`${webBffEnvPrefix}PORT`]: '0' });
  const bff = createWebBff(config, kind === 'web-bff' ? {} : { authorization: undefined });
  // Admission and rate-limit counters, for the overload scenario.
  bff.http.get('/bench/protection', async () => bff.protectionStats());
  await serveBff(bff);
} else if (kind === 'guild-subgraphs') {
  stopOnSignal();
  const subgraphs = await startGuildSubgraphs();
  stops.push(() => subgraphs.close());
  const control = await serveRequestCounts(
    () => subgraphs.requests,
    () => subgraphs.resetRequests(),
  );
  stops.push(() => control.close());
  console.log(JSON.stringify({ ...subgraphs.urls, [guildControlName]: control.url }));
} else if (kind === 'guild-bff') {
  await serveBff(createGuildBff(process.env));
} else if (kind === 'stock:guild') {
  stopOnSignal();
  const stock = await startStockGateway({
    supergraph: readSupergraph(guildSupergraphFile, readGuildConfig(process.env).subgraphs.urlOverrides),
  });
  stops.push(() => stock.stop());
  console.log(JSON.stringify({ url: stock.url }));
} else if (kind === 'hive:guild' || kind === 'hive:web') {
  stopOnSignal();
  const hive = kind === 'hive:guild' ? await startHiveGuild(process.env) : await startHiveWeb(process.env);
  stops.push(() => hive.stop());
  console.log(JSON.stringify({ url: hive.url }));
} else if (kind === 'mobile-bff') {
  await serveBff(createMobileBff(readMobileBffConfig({ ...process.env, [`${mobileBffEnvPrefix}PORT`]: '0' })));
} else if (kind === 'stock:web' || kind === 'stock:mobile') {
  stopOnSignal();
  const stock =
    kind === 'stock:web'
      ? await startStockBffGateway(readWebBffConfig(process.env), (kit) => [
          ...createConnectorSubgraphs(kit),
          createWebSubgraph(),
        ])
      : await startStockBffGateway(readMobileBffConfig(process.env), (kit) => [
          ...createConnectorSubgraphs(kit),
          createMobileSubgraph(kit),
        ]);
  stops.push(() => stock.stop());
  console.log(JSON.stringify({ url: stock.url }));
} else if (kind === 'floor:product-page') {
  stopOnSignal();
  const floor = await serveFloorGateway(JSON.parse(process.env['BENCH_SERVICES'] ?? '{}') as Record<string, string>);
  stops.push(() => floor.close());
  console.log(JSON.stringify({ url: floor.url }));
} else {
  console.error(`unknown bench target: ${String(kind)}`);
  process.exit(2);
}
