import { cpus } from 'node:os';
import { peerSettings, totalRequests, type PeerComparisonRow, type PeerFigures } from './peerComparison.js';
import { loadGenerator } from './stockComparison.js';

const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
const verdict = (met: boolean) => (met ? 'MET' : 'MISSED');

/** The services a gateway called per operation, one by one: `accounts 1.00 / 0.21`, idle / under load. */
function byService(figures: PeerFigures): string {
  const names = [...new Set([...Object.keys(figures.idleRequests), ...Object.keys(figures.loadedRequests)])];
  return names
    .filter((name) => (figures.idleRequests[name] ?? 0) + (figures.loadedRequests[name] ?? 0) > 0)
    .map(
      (name) => `${name} ${fixed(figures.idleRequests[name] ?? 0, 2)} / ${fixed(figures.loadedRequests[name] ?? 0, 2)}`,
    )
    .join(', ');
}

/** The ratios of one workload: the kit's throughput over stock's and Hive's, its unloaded p50 over stock's. */
function ratios(row: PeerComparisonRow): { ofStock: number; ofHive: number; unloadedOfStock: number } {
  const side = (label: string) => row.gateways.find((gateway) => gateway.label === label);
  const kit = side('kit');
  const stock = side('stock');
  const hive = side('Hive');
  if (!kit || !stock || !hive) throw new Error(`${row.name} must have a kit, a stock and a Hive side`);
  return {
    ofStock: kit.requestsPerSecond / stock.requestsPerSecond,
    ofHive: kit.requestsPerSecond / hive.requestsPerSecond,
    unloadedOfStock: kit.unloadedP50Ms / stock.unloadedP50Ms,
  };
}

/** Issue #25's targets on The Guild's workload (item 5), checked: reported, not asserted. */
function guildTargets(row: PeerComparisonRow): string {
  const { ofStock, ofHive, unloadedOfStock } = ratios(row);
  const kit = row.gateways.find((gateway) => gateway.label === 'kit');
  const idle = kit ? totalRequests(kit.idleRequests) : Number.NaN;
  const loaded = kit ? totalRequests(kit.loadedRequests) : Number.NaN;
  return (
    `  issue #25 targets: kit ≥ 6x stock ${fixed(ofStock, 2)}x ${verdict(ofStock >= 6)}; ` +
    `≥ 1.3x Hive ${fixed(ofHive, 2)}x ${verdict(ofHive >= 1.3)}; ` +
    `≤ 8 subgraph requests idle ${fixed(idle, 2)} ${verdict(idle <= 8)}; ` +
    `≤ 2 under load ${fixed(loaded, 2)} ${verdict(loaded <= 2)}; ` +
    `unloaded p50 ≤ 0.3 of stock's ${fixed(unloadedOfStock, 2)} ${verdict(unloadedOfStock <= 0.3)}`
  );
}

/**
 * The peer comparison as markdown: how it was run, one table row per workload and gateway, the
 * kit's ratios (and issue #25's targets on The Guild's workload), and each gateway's requests by service.
 */
export function formatPeerComparison(
  rows: readonly PeerComparisonRow[],
  hiveVersions: Readonly<Record<string, string>>,
): string {
  const versions = Object.entries(hiveVersions)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  const pinned = rows.length > 0 && rows.every((row) => row.pinned);
  const settings = peerSettings;
  return [
    `Peers, one core each: the kit (1 worker; authentication, rules, operation limits, rate limits, metrics on), ` +
      `stock Apollo Server 5 + @apollo/gateway 2.14.4, Hive Gateway with its Rust query planner (${versions}); ` +
      `NODE_ENV=production; Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}.`,
    `Hive requires a valid HS256 token on every request (issuer, audience checked) and forwards nothing to ` +
      `subgraphs (forward.payload false, forward.token false): its subgraph calls are alike for every user, ` +
      `so identical ones in flight are shared. The kit sends no identity headers (<P>IDENTITY_<NAME>=none) to ` +
      `The Guild's four subgraphs, nor to products, reviews, accounts and inventory on the product page ` +
      `(they answer everyone alike); stock sends none.`,
    pinned
      ? 'Each gateway on CPU 1 (taskset, all threads, after warm-up); services, subgraphs and load generator on CPU 0.'
      : 'NOT pinned (taskset missing or one CPU): the gateways shared the CPUs with the services and the load.',
    `Loaded: ${settings.connections} connections (${loadGenerator}), one gateway at a time, median of ` +
      `${settings.rounds} alternating ${settings.roundSeconds} s rounds; unloaded: one request at a time, ` +
      `${settings.unloadedRounds} alternating 1 s rounds per gateway after an uncounted one. Every request ` +
      `carries a distinct user's token, valid for every gateway; the answers were checked alike before measuring.`,
    `Subgraph requests per operation, counted where they arrive (The Guild's subgraph servers; on the product ` +
      `page the products and reviews subgraphs and the accounts and inventory REST services): idle = one ` +
      `request alone (mean of ${settings.idleRequests}); under load = requests received in the loaded rounds / ` +
      `operations answered.`,
    '',
    '| operation | gateway | req/s | p50 / p99 ms | errors | unloaded p50 ms | gateway CPU ms/op | ' +
      'subgraph req/op idle | subgraph req/op loaded |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.flatMap((row) =>
      row.gateways.map(
        (side) =>
          `| ${row.name} | ${side.label} | ${fixed(side.requestsPerSecond)} | ` +
          `${fixed(side.p50Ms)} / ${fixed(side.p99Ms)} | ${side.errors} | ${fixed(side.unloadedP50Ms, 2)} | ` +
          `${fixed(side.cpuMsPerOperation, 2)} | ${fixed(totalRequests(side.idleRequests), 2)} | ` +
          `${fixed(totalRequests(side.loadedRequests), 2)} |`,
      ),
    ),
    '',
    ...rows.flatMap((row) => {
      const { ofStock, ofHive, unloadedOfStock } = ratios(row);
      return [
        `${row.name}: throughput kit / stock ${fixed(ofStock, 2)}x, kit / Hive ${fixed(ofHive, 2)}x; ` +
          `unloaded p50 kit / stock ${fixed(unloadedOfStock, 2)}`,
        ...(row.name.includes('Guild') ? [guildTargets(row)] : []),
        ...row.gateways.map((side) => `  ${side.label} requests by service, idle / loaded: ${byService(side)}`),
      ];
    }),
  ].join('\n');
}
