import { startServices } from '@bff/testing';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebBff, readWebBffConfig, webBffEnvPrefix } from '@bff/web-bff';
import { startStockWebGateway } from './stock/stockWebGateway.js';

/**
 * A benchmark target process: `services` runs every example service; `web-bff` or
 * `web-bff:no-rules` runs the web BFF over the services named in the environment. Prints one
 * JSON line of URLs when ready; stops on SIGTERM.
 */
const kind = process.argv[2];
const stops: (() => Promise<void>)[] = [];
process.once('SIGTERM', () => void Promise.all(stops.map((stop) => stop())).then(() => process.exit(0)));

if (kind === 'services') {
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
  console.log(JSON.stringify({ ...services.urls, control: `http://127.0.0.1:${(control.address() as AddressInfo).port}` }));
} else if (kind === 'web-bff' || kind === 'web-bff:no-rules') {
  const config = readWebBffConfig({ ...process.env, [`${webBffEnvPrefix}PORT`]: '0' });
  const bff = createWebBff(config, kind === 'web-bff' ? {} : { authorization: undefined });
  // Admission and rate-limit counters, for the overload scenario (a /metrics endpoint will replace it).
  bff.http.get('/bench/protection', async () => bff.protectionStats());
  stops.push(() => bff.stop());
  console.log(JSON.stringify({ url: `${await bff.start()}/graphql` }));
} else if (kind === 'stock:web') {
  const stock = await startStockWebGateway(process.env);
  stops.push(() => stock.stop());
  console.log(JSON.stringify({ url: stock.url }));
} else {
  console.error(`unknown bench target: ${kind}`);
  process.exit(2);
}
