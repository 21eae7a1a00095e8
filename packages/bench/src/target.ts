import { startServices } from '@bff/testing';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebBff, createWebSubgraph, readWebBffConfig, webBffEnvPrefix } from '@bff/web-bff';
import { forkIfConfigured, readSupergraph, startServing, type BffServer } from '@bff/gateway';
import cluster from 'node:cluster';
import { startGuildSubgraphs } from '@bff/service-guild-benchmark';
import { createGuildBff, guildSupergraphFile, readGuildConfig } from './guild/guildBff.js';
import { serveFloorGateway } from './floorGateway.js';
import { startStockBffGateway, startStockGateway } from '@bff/conformance';
import { createConnectorSubgraphs } from '@bff/connectors';
import { createMobileBff, createMobileSubgraph, mobileBffEnvPrefix, readMobileBffConfig } from '@bff/mobile-bff';

/**
 * A benchmark target process: `services` runs every example service; `web-bff` or
 * `web-bff:no-rules` runs the web BFF over the services named in the environment;
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
  const services = await startServices();
  stops.push(() => services.close());
  // A control port for the bench: GET /calls counts the calls each service received; POST resets them.
  const control = createServer((request, response) => {
    if (request.method === 'POST') services.resetCalls();
    const counts = Object.fromEntries(Object.entries(services.calls).map(([name, calls]) => [name, calls.length]));
    response.setHeader('content-type', 'application/json').end(JSON.stringify(counts));
  });
  await new Promise<void>((listening) => control.listen(0, '127.0.0.1', listening));
  stops.push(() => new Promise<void>((closed) => control.close(() => closed())));
  console.log(
    JSON.stringify({ ...services.urls, control: `http://127.0.0.1:${(control.address() as AddressInfo).port}` }),
  );
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
  console.log(JSON.stringify(subgraphs.urls));
} else if (kind === 'guild-bff') {
  await serveBff(createGuildBff(process.env));
} else if (kind === 'stock:guild') {
  stopOnSignal();
  const stock = await startStockGateway({
    supergraph: readSupergraph(guildSupergraphFile, readGuildConfig(process.env).subgraphs.urlOverrides),
  });
  stops.push(() => stock.stop());
  console.log(JSON.stringify({ url: stock.url }));
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
