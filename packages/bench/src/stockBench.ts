import { readPersistedQueryManifest } from '@bff/gateway';
import { mobileManifestFile } from '@bff/mobile-bff';
import { guildBenchmarkQuery } from '@bff/service-guild-benchmark';
import { signTestToken } from '@bff/testing';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { productPageDocument } from './authorizationOverhead.js';
import { fanOutDocument } from './fanOut.js';
import { signGuildToken } from './guild/guildBff.js';
import { guildSubgraphEnv } from './guild/guildSubgraphEnv.js';
import { productPageDownstream } from './productPageDownstream.js';
import { bffHeapFlags, spawnTarget, type Target } from './spawnTarget.js';
import { urlNamed } from './urlNamed.js';
import {
  compareWithStock,
  formatStockComparison,
  loadGenerator,
  loadedConnections,
  stockTargets,
  unloadedRounds,
  type StockComparisonRow,
} from './stockComparison.js';
import { formatMemory, sustainedMemory } from './sustainedMemory.js';

/** Processes each BFF serves with (<P>WORKERS): one per core of this machine. */
const bffWorkers = String(Number(process.env['BENCH_BFF_WORKERS'] ?? cpus().length));
const memorySeconds = Number(process.env['BENCH_MEMORY_SECONDS'] ?? 120);

/** Tokens of distinct users, one per request in turn, so no two concurrent requests share an identity. */
export function distinctTokens(sign: (sub: string) => string, count = 5_000): () => Record<string, string> {
  const tokens = Array.from({ length: count }, (_, index) => `Bearer ${sign(String(100_000 + index))}`);
  let next = 0;
  return () => {
    const authorization = tokens[next % count];
    if (authorization === undefined) throw new Error(`distinctTokens needs a count above 0, but got: ${count}`);
    next += 1;
    return { authorization };
  };
}

const singleServiceDocument = { query: /* GraphQL */ `query TopProducts { topProducts(first: 5) { upc name price } }` };

function feedDocument() {
  const feed = readPersistedQueryManifest(mobileManifestFile).operations.find((operation) => operation.name === 'Feed');
  if (!feed) throw new Error(`${mobileManifestFile} has no operation named Feed`);
  return { query: feed.body, operationName: 'Feed', variables: { first: 20, imageWidth: 320, density: 2 } };
}

/**
 * The BFFs as shipped (authentication, rules, operation limits, per-user rate limits, metrics,
 * one worker per core) against stock Apollo Server 5 + @apollo/gateway (one process, as it runs)
 * over the same services, operation by operation; then the BFF's memory over a sustained run.
 * Writes the table to test-artifacts/stock-comparison.md.
 */
export async function stockBench(targets: Target[]): Promise<string> {
  const services = await spawnTarget('services');
  targets.push(services);
  const guildSubgraphs = await spawnTarget('guild-subgraphs');
  targets.push(guildSubgraphs);
  const serviceEnv = (prefix: string) => ({
    [`${prefix}SUBGRAPH_PRODUCTS_URL`]: `${urlNamed(services.ready, 'products')}/graphql`,
    [`${prefix}SUBGRAPH_REVIEWS_URL`]: `${urlNamed(services.ready, 'reviews')}/graphql`,
    [`${prefix}SERVICE_ACCOUNTS_URL`]: urlNamed(services.ready, 'accounts'),
    [`${prefix}SERVICE_ORDERS_URL`]: urlNamed(services.ready, 'orders'),
    [`${prefix}SERVICE_INVENTORY_URL`]: urlNamed(services.ready, 'inventory'),
    // Rate limits as shipped: per user (each request is a distinct user) and per client app.
    [`${prefix}RATE_LIMIT_PER_USER`]: '1000',
    [`${prefix}RATE_LIMIT_PER_CLIENT`]: '1000000',
    [`${prefix}WORKERS`]: bffWorkers,
  });
  const guildEnv = guildSubgraphEnv(guildSubgraphs.ready);
  const start = async (kind: string, env: Record<string, string>) => {
    const target = await spawnTarget(kind, env);
    targets.push(target);
    return target;
  };
  const web = await start('web-bff', serviceEnv('WEB_BFF_'));
  const webOneWorker = await start('web-bff', { ...serviceEnv('WEB_BFF_'), WEB_BFF_WORKERS: '1' });
  const stockWeb = await start('stock:web', serviceEnv('WEB_BFF_'));
  const mobile = await start('mobile-bff', serviceEnv('MOBILE_BFF_'));
  const stockMobile = await start('stock:mobile', serviceEnv('MOBILE_BFF_'));
  const guild = await start('guild-bff', { ...guildEnv, BFF_WORKERS: bffWorkers });
  const guildOneWorker = await start('guild-bff', guildEnv);
  const stockGuild = await start('stock:guild', guildEnv);
  const floor = await start('floor:product-page', { BENCH_SERVICES: JSON.stringify(services.ready) });

  const productPageCalls = () => productPageDownstream(services.ready);
  const webUser = distinctTokens((sub) => signTestToken('web', { sub, roles: ['customer'], expiresIn: '2h' }));
  const mobileUser = distinctTokens((sub) => signTestToken('mobile', { sub, roles: ['customer'], expiresIn: '2h' }));
  const guildUser = distinctTokens(signGuildToken);
  const url = (target: Target) => urlNamed(target.ready, 'url');
  const rows: StockComparisonRow[] = [];
  const scenarios = [
    {
      name: 'single service (web: topProducts)',
      body: singleServiceDocument,
      bffUrl: url(web),
      stockUrl: url(stockWeb),
      bffPid: web.pid,
      stockPid: stockWeb.pid,
      servicesPid: services.pid,
      headersPerRequest: webUser,
    },
    {
      name: 'deep federated (web: product page, 4 services)',
      body: productPageDocument,
      bffUrl: url(web),
      stockUrl: url(stockWeb),
      bffPid: web.pid,
      stockPid: stockWeb.pid,
      servicesPid: services.pid,
      headersPerRequest: webUser,
      downstreamAlone: productPageCalls,
      floorUrl: url(floor),
    },
    {
      name: 'deep federated (web: product page), BFF with 1 worker',
      body: productPageDocument,
      bffUrl: url(webOneWorker),
      stockUrl: url(stockWeb),
      bffPid: webOneWorker.pid,
      stockPid: stockWeb.pid,
      servicesPid: services.pid,
      headersPerRequest: webUser,
      downstreamAlone: productPageCalls,
      floorUrl: url(floor),
    },
    {
      name: 'REST-heavy list (web: 20 reviews, accounts + inventory REST)',
      body: fanOutDocument,
      bffUrl: url(web),
      stockUrl: url(stockWeb),
      bffPid: web.pid,
      stockPid: stockWeb.pid,
      servicesPid: services.pid,
      headersPerRequest: webUser,
    },
    {
      name: 'mobile feed (20 cards)',
      body: feedDocument(),
      bffUrl: url(mobile),
      stockUrl: url(stockMobile),
      bffPid: mobile.pid,
      stockPid: stockMobile.pid,
      servicesPid: services.pid,
      headersPerRequest: mobileUser,
    },
    {
      name: "The Guild's benchmark query (87 KB, 16 fetches)",
      body: { query: guildBenchmarkQuery },
      bffUrl: url(guild),
      stockUrl: url(stockGuild),
      bffPid: guild.pid,
      stockPid: stockGuild.pid,
      servicesPid: guildSubgraphs.pid,
      headersPerRequest: guildUser,
    },
    {
      name: "The Guild's benchmark query, BFF with 1 worker",
      body: { query: guildBenchmarkQuery },
      bffUrl: url(guildOneWorker),
      stockUrl: url(stockGuild),
      bffPid: guildOneWorker.pid,
      stockPid: stockGuild.pid,
      servicesPid: guildSubgraphs.pid,
      headersPerRequest: guildUser,
    },
  ];
  const only = process.env['BENCH_STOCK_ONLY'];
  for (const scenario of scenarios) {
    if (only && !scenario.name.includes(only)) continue;
    const row = await compareWithStock(scenario);
    rows.push(row);
    console.log(stockTargets(row));
  }
  const memory = formatMemory(
    `The Guild's benchmark query through the BFF (${bffWorkers} workers, ${loadedConnections} connections)`,
    await sustainedMemory(
      guild.pid,
      {
        url: url(guild),
        body: { query: guildBenchmarkQuery },
        headersPerRequest: guildUser,
        connections: loadedConnections,
      },
      memorySeconds,
    ),
  );
  const report = [
    `BFF (${bffWorkers} workers, ${bffHeapFlags.join(' ')} as deployed; authentication, rules, limits, metrics on) ` +
      `vs stock Apollo Server 5 + @apollo/gateway 2.14.4 (one process), ` +
      `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}.`,
    `Loaded: ${loadedConnections} connections (${loadGenerator}), median of 3 alternating 5 s rounds; ` +
      `unloaded: one request at a time, ${unloadedRounds} alternating 1 s rounds per side after an uncounted one ` +
      `(p50 over each side's requests). Every request carries a distinct user's token.`,
    '',
    formatStockComparison(rows),
    '',
    ...rows.map(stockTargets),
    '',
    memory,
  ].join('\n');
  mkdirSync('test-artifacts', { recursive: true });
  writeFileSync('test-artifacts/stock-comparison.md', `${report}\n`);
  return report;
}
