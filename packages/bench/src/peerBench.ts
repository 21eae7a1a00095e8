import { guildBenchmarkQuery, guildSubgraphNames } from '@bff/service-guild-benchmark';
import { hivePeerVersions } from '@bff/hive-peer';
import { signTestToken } from '@bff/testing';
import { mkdirSync, writeFileSync } from 'node:fs';
import { productPageDocument } from './authorizationOverhead.js';
import { guildEnvPrefix, signGuildToken } from './guild/guildBff.js';
import { guildControlName, guildSubgraphEnv } from './guild/guildSubgraphEnv.js';
import { comparePeers, type PeerComparisonRow, type PeerScenario } from './peerComparison.js';
import { formatPeerComparison } from './formatPeerComparison.js';
import { spawnTarget, type Target } from './spawnTarget.js';
import { distinctTokens } from './stockBench.js';
import { urlNamed } from './urlNamed.js';

/** Services the product page calls that answer everyone alike, so the kit sends them no identity. */
export const webServicesWithoutIdentity = ['products', 'reviews', 'accounts', 'inventory'] as const;

/** `<prefix>IDENTITY_<NAME>=none` for each of `names`: calls to them shared across viewers. */
const noIdentity = (prefix: string, names: readonly string[]) =>
  Object.fromEntries(names.map((name) => [`${prefix}IDENTITY_${name.toUpperCase()}`, 'none']));

/**
 * `npm run bench -- peers`: the kit against the gateways users would pick instead, stock
 * @apollo/gateway and Hive Gateway with its Rust query planner, on The Guild's public workload and
 * on the web BFF's product page, each gateway alone on CPU 1. Writes test-artifacts/peer-comparison.md.
 * BENCH_PEER_ONLY=<text> runs only the workloads whose name holds it.
 */
export async function peerBench(targets: Target[]): Promise<string> {
  const only = process.env['BENCH_PEER_ONLY'];
  const wanted = (name: string) => !only || name.includes(only);
  const start = async (kind: string, env: Record<string, string> = {}) => {
    const target = await spawnTarget(kind, env);
    targets.push(target);
    return target;
  };
  const gateway = (label: string, target: Target) => ({ label, url: urlNamed(target.ready, 'url'), pid: target.pid });
  const rows: PeerComparisonRow[] = [];
  const guildName = "The Guild's benchmark query (87 KB, four subgraphs)";
  if (wanted(guildName)) {
    const subgraphs = await start('guild-subgraphs');
    const env = guildSubgraphEnv(subgraphs.ready);
    const kit = await start('guild-bff', {
      ...env,
      [`${guildEnvPrefix}WORKERS`]: '1',
      ...noIdentity(guildEnvPrefix, guildSubgraphNames),
    });
    const stock = await start('stock:guild', env);
    const hive = await start('hive:guild', env);
    rows.push(
      await measureAndStop(
        {
          name: guildName,
          body: { query: guildBenchmarkQuery },
          gateways: [gateway('kit', kit), gateway('stock', stock), gateway('Hive', hive)],
          servicesPid: subgraphs.pid,
          countsUrl: urlNamed(subgraphs.ready, guildControlName),
          headersPerRequest: distinctTokens(signGuildToken),
        },
        [kit, stock, hive, subgraphs],
      ),
    );
  }
  const webName = 'web product page (products, reviews; accounts, inventory REST)';
  if (wanted(webName)) {
    const services = await start('services');
    const env = {
      WEB_BFF_SUBGRAPH_PRODUCTS_URL: `${urlNamed(services.ready, 'products')}/graphql`,
      WEB_BFF_SUBGRAPH_REVIEWS_URL: `${urlNamed(services.ready, 'reviews')}/graphql`,
      WEB_BFF_SERVICE_ACCOUNTS_URL: urlNamed(services.ready, 'accounts'),
      WEB_BFF_SERVICE_ORDERS_URL: urlNamed(services.ready, 'orders'),
      WEB_BFF_SERVICE_INVENTORY_URL: urlNamed(services.ready, 'inventory'),
    };
    const kit = await start('web-bff', {
      ...env,
      // Rate limits as shipped (stockBench.ts): per user (each request is a distinct user) and per client app.
      WEB_BFF_RATE_LIMIT_PER_USER: '1000',
      WEB_BFF_RATE_LIMIT_PER_CLIENT: '1000000',
      WEB_BFF_WORKERS: '1',
      ...noIdentity('WEB_BFF_', webServicesWithoutIdentity),
    });
    const stock = await start('stock:web', env);
    const hive = await start('hive:web', env);
    rows.push(
      await measureAndStop(
        {
          name: webName,
          body: productPageDocument,
          gateways: [gateway('kit', kit), gateway('stock', stock), gateway('Hive', hive)],
          servicesPid: services.pid,
          countsUrl: urlNamed(services.ready, 'control'),
          headersPerRequest: distinctTokens((sub) =>
            signTestToken('web', { sub, roles: ['customer'], expiresIn: '2h' }),
          ),
        },
        [kit, stock, hive, services],
      ),
    );
  }
  const report = formatPeerComparison(rows, hivePeerVersions);
  mkdirSync('test-artifacts', { recursive: true });
  writeFileSync('test-artifacts/peer-comparison.md', `${report}\n`);
  return report;
}

/** Measures a workload, then stops its processes: the next workload gets the machine to itself. */
async function measureAndStop(scenario: PeerScenario, processes: readonly Target[]): Promise<PeerComparisonRow> {
  try {
    return await comparePeers(scenario);
  } finally {
    await Promise.all(processes.map((target) => target.stop()));
  }
}
