import { signTestToken } from '@bff/testing';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { accountPageDocument, productPageDocument } from './authorizationOverhead.js';
import { classes, percentile, sendClosedLoop, sendOpenLoop, type MixEntry, type MixOutcome, type PriorityClass } from './sendMixedLoad.js';

/**
 * Operations in flight in the BFF under test. This BFF is CPU-bound over fast local services:
 * by Little's law its knee is a few operations (about 500 req/s × 5 ms), and more in flight only
 * lengthens every operation's share of the event loop.
 */
export const overloadMaxInFlight = Number(process.env["BENCH_MAX_IN_FLIGHT"] ?? 4);

/** The target's settings: admission on (classes by operation name), or off for the baseline. */
export function overloadTargetEnv(admission: boolean): NodeJS.ProcessEnv {
  return {
    WEB_BFF_ADMISSION_MAX_IN_FLIGHT: admission ? String(overloadMaxInFlight) : '0',
    // The limit comes down while the event loop is busier than this, so what arrives is still read and sorted by class at once.
    WEB_BFF_ADMISSION_ADAPTIVE: process.env['BENCH_ADAPTIVE'] ?? 'on',
    // Two slots only critical operations may take, so they do not wait behind the others' work.
    WEB_BFF_ADMISSION_CRITICAL_RESERVE: process.env['BENCH_CRITICAL_RESERVE'] ?? '2',
    WEB_BFF_ADMISSION_TARGET_UTILIZATION_PERCENT: process.env['BENCH_TARGET_UTILIZATION'] ?? '85',
    // createOrder is critical and productPage high by the web BFF's defaults.
    WEB_BFF_PRIORITY_LOW: 'TopProducts',
  };
}

/** The web app's traffic: orders (critical), product pages (high), account pages (normal), recommendations (low). */
function webMix(): MixEntry[] {
  const customer = (sub: string) => ({ authorization: `Bearer ${signTestToken('web', { sub, roles: ['customer'], expiresIn: '1h' })}` });
  // The app names each operation in a header too, so the BFF sorts it before reading its body.
  const named = (name: string, headers: Record<string, string> = {}) => ({ ...headers, 'x-apollo-operation-name': name });
  return [
    {
      priority: 'critical',
      per10: 1,
      body: {
        query: /* GraphQL */ `mutation CreateOrder($buyerId: ID!) { createOrder(input: { buyerId: $buyerId, lines: [{ upc: "100003", quantity: 1 }] }) { id itemCount } }`,
        variables: { buyerId: '2' },
      },
      headers: named('CreateOrder', customer('2')),
    },
    { priority: 'high', per10: 4, body: productPageDocument, headers: named('ProductPage') },
    { priority: 'normal', per10: 3, body: accountPageDocument, headers: named('AccountPage', customer('1')) },
    { priority: 'low', per10: 2, body: { query: /* GraphQL */ `query TopProducts { topProducts(first: 5) { upc name reviews(first: 5) { rating } } }` }, headers: named('TopProducts') },
  ];
}

/** What the BFF itself counted during the overload, per class. */
type ServerCounts = Readonly<Record<PriorityClass, { readonly admitted: number; readonly queued: number; readonly queuedMilliseconds: number; readonly shed: number }>>;

/** Figures of the scenario, per class where it applies. */
export interface OverloadReport {
  readonly capacity: number;
  readonly offered: number;
  readonly seconds: number;
  readonly unloaded: MixOutcome;
  readonly admitted: MixOutcome;
  readonly unadmitted: MixOutcome;
  /** Admission counters of the BFF over the overload with admission on. */
  readonly server: ServerCounts;
  /** p99 event-loop delay of the load generator during that overload, in ms: high means the figures carry its lag. */
  readonly generatorLagMs: number;
}

const overloadSeconds = 5;

async function serverCounts(url: string): Promise<ServerCounts> {
  const stats = (await (await fetch(url.replace(/\/graphql$/, '/bench/protection'))).json()) as { admission: { classes: ServerCounts } };
  return stats.admission.classes;
}

/**
 * Mixed traffic at twice the BFF's capacity, with priority admission and without. "Unloaded" is
 * the mix sent by two clients one request after another (a few hundred critical samples);
 * capacity is what 32 closed-loop clients get served with admission off; the overload is an open
 * loop at twice that, as independent clients would send it.
 */
export async function overloadScenario(urls: { admitted: string; unadmitted: string }): Promise<OverloadReport> {
  const mix = webMix();
  await sendClosedLoop(urls.admitted, mix, 16, 2);
  await sendClosedLoop(urls.unadmitted, mix, 16, 2);
  const unloaded = await sendClosedLoop(urls.admitted, mix, 2, 4);
  // Capacity is what the BFF serves with nothing held back (admission off), so 2x is twice its real capacity.
  const measured = await sendClosedLoop(urls.unadmitted, mix, 32, 4);
  const capacity = classes.reduce((sum, priority) => sum + measured[priority].servedMs.length, 0) / 4;
  const offered = capacity * 2;
  const before = await serverCounts(urls.admitted);
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  const admitted = await sendOpenLoop(urls.admitted, mix, offered, overloadSeconds);
  lag.disable();
  const after = await serverCounts(urls.admitted);
  const server = Object.fromEntries(
    classes.map((priority) => [
      priority,
      {
        admitted: after[priority].admitted - before[priority].admitted,
        queued: after[priority].queued - before[priority].queued,
        queuedMilliseconds: after[priority].queuedMilliseconds - before[priority].queuedMilliseconds,
        shed: after[priority].shed - before[priority].shed,
      },
    ]),
  ) as unknown as ServerCounts;
  const unadmitted = await sendOpenLoop(urls.unadmitted, mix, offered, overloadSeconds);
  return { capacity, offered, seconds: overloadSeconds, unloaded, admitted, unadmitted, server, generatorLagMs: lag.percentile(99) / 1e6 };
}

const ms = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(0));
const latency = (sorted: readonly number[]) => `${ms(percentile(sorted, 0.5))}/${ms(percentile(sorted, 0.99))}`;
const share = (count: number, sent: number) => `${((100 * count) / Math.max(1, sent)).toFixed(1)}%`;

/** Prints the scenario as a table a reviewer can paste into an issue note, with its two targets. */
export function formatOverload(report: OverloadReport): string {
  const { unloaded, admitted, unadmitted, server } = report;
  const rows = classes.map((priority) =>
    [
      priority.padEnd(9),
      latency(unloaded[priority].servedMs).padEnd(9),
      latency(admitted[priority].servedMs).padEnd(10),
      share(admitted[priority].shed, admitted[priority].sent).padEnd(6),
      ms(server[priority].queuedMilliseconds / Math.max(1, server[priority].queued)).padEnd(7),
      share(admitted[priority].failed, admitted[priority].sent).padEnd(7),
      latency(unadmitted[priority].servedMs).padEnd(11),
      share(unadmitted[priority].failed + unadmitted[priority].shed, unadmitted[priority].sent),
    ].join(' '),
  );
  const ratio = percentile(admitted.critical.servedMs, 0.99) / percentile(unloaded.critical.servedMs, 0.99);
  const lowerShed = server.high.shed + server.normal.shed + server.low.shed;
  const criticalSafe = server.critical.shed === 0 || lowerShed === 0;
  return [
    `priority admission, web BFF at 2x capacity (at most ${overloadMaxInFlight} in flight, adaptive above 85% event-loop use, 2 more for critical only; mix per 10: 1 CreateOrder critical, 4 ProductPage high, 3 AccountPage normal, 2 TopProducts low)`,
    `  capacity ${report.capacity.toFixed(0)} req/s (32 closed-loop clients, admission off); unloaded: 2 closed-loop clients; overload: ${report.offered.toFixed(0)} req/s open loop for ${report.seconds} s`,
    `  latencies p50/p99 in ms of served requests  | admission on                    | admission off`,
    `  class     unloaded  p50/p99    shed   queued  failed  p50/p99     failed`,
    ...rows.map((row) => `  ${row}`),
    `  critical p99 under overload / unloaded: ${ratio.toFixed(2)} (target: at most 2) ${ratio <= 2 ? 'MET' : 'MISSED'}` +
      `; without admission: ${(percentile(unadmitted.critical.servedMs, 0.99) / percentile(unloaded.critical.servedMs, 0.99)).toFixed(1)}`,
    `  critical shed: ${server.critical.shed}, lower classes shed: ${lowerShed} (target: no critical shed while a lower class is) ${criticalSafe ? 'MET' : 'MISSED'}`,
    `  load generator event-loop delay p99: ${report.generatorLagMs.toFixed(0)} ms (its lag is in every latency above)`,
  ].join('\n');
}
