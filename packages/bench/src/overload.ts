import { cpus } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startCriticalClients } from './criticalClient.js';
import { pinToCpus } from './pinToCpus.js';
import { cpuMilliseconds } from './sustainedMemory.js';
import { webMix } from './webMix.js';
import {
  classes,
  percentile,
  sendClosedLoop,
  sendOpenLoop,
  type MixEntry,
  type MixOutcome,
  type PriorityClass,
} from './sendMixedLoad.js';

/**
 * Operations in flight in the BFF under test. This BFF is CPU-bound over fast local services:
 * by Little's law its knee is a few operations (about 500 req/s × 5 ms), and more in flight only
 * lengthens every operation's share of the event loop.
 */
export const overloadMaxInFlight = Number(process.env['BENCH_MAX_IN_FLIGHT'] ?? 4);

const adaptive = process.env['BENCH_ADAPTIVE'] ?? 'on';
const targetUtilization = process.env['BENCH_TARGET_UTILIZATION'] ?? '85';
const criticalReserve = process.env['BENCH_CRITICAL_RESERVE'] ?? '2';

/** The target's settings: admission on (classes by operation name), or off for the baseline. */
export function overloadTargetEnv(admission: boolean): NodeJS.ProcessEnv {
  return {
    WEB_BFF_ADMISSION_MAX_IN_FLIGHT: admission ? String(overloadMaxInFlight) : '0',
    // The limit comes down while the event loop is busier than this, so what arrives is still read
    // and sorted by class at once.
    WEB_BFF_ADMISSION_ADAPTIVE: adaptive,
    // Slots only critical operations may take, so they do not wait behind the others' work.
    WEB_BFF_ADMISSION_CRITICAL_RESERVE: criticalReserve,
    WEB_BFF_ADMISSION_TARGET_UTILIZATION_PERCENT: targetUtilization,
    // createOrder is critical and productPage high by the web BFF's defaults.
    WEB_BFF_PRIORITY_LOW: 'TopProducts',
  };
}

/** What the BFF itself counted during the overload, per class. */
type ServerCounts = Readonly<
  Record<
    PriorityClass,
    { readonly admitted: number; readonly queued: number; readonly queuedMilliseconds: number; readonly shed: number }
  >
>;

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
  /** The BFF's event-loop delay during that overload, in ms. */
  readonly gatewayLag: { readonly p99: number; readonly max: number };
  /** The BFF's garbage collections during that overload, by kind. */
  readonly gatewayGc: GcTotals;
  /** Whether the BFF under test ran on a CPU of its own (taskset), the rest on the other. */
  readonly pinned: boolean;
  /** CPU used during the admitted overload, in cores: the BFF, the load generator (this process), the services. */
  readonly cpuShares: { readonly gateway: number; readonly generator: number; readonly services: number };
}

const overloadSeconds = 5;

/** Collections of one kind: how many, and their pauses together in ms. */
interface GcTotals {
  readonly major: { readonly count: number; readonly ms: number };
  readonly minor: { readonly count: number; readonly ms: number };
}

/** What the bench reads from one scrape of the BFF's /metrics (prom-client's default metrics). */
interface GatewayMetrics {
  /** Event-loop delay (p99 and max, ms) since the previous scrape: prom-client starts it again after every scrape. */
  readonly lag: { readonly p99: number; readonly max: number };
  /** Garbage collections so far (nodejs_gc_duration_seconds; kind "major": mark-compact, "minor": scavenge). */
  readonly gc: GcTotals;
}

async function scrapeGateway(url: string): Promise<GatewayMetrics> {
  const text = await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
  const sample = (name: string, label = '') =>
    Number(new RegExp(`^${name}\\{[^}]*${label}[^}]*\\} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
  const gcOf = (kind: string) => ({
    count: sample('nodejs_gc_duration_seconds_count', `kind="${kind}"`) || 0,
    ms: (sample('nodejs_gc_duration_seconds_sum', `kind="${kind}"`) || 0) * 1000,
  });
  return {
    lag: {
      p99: sample('nodejs_eventloop_lag_p99_seconds') * 1000,
      max: sample('nodejs_eventloop_lag_max_seconds') * 1000,
    },
    gc: { major: gcOf('major'), minor: gcOf('minor') },
  };
}

const gcSince = (before: GcTotals, after: GcTotals): GcTotals => ({
  major: { count: after.major.count - before.major.count, ms: after.major.ms - before.major.ms },
  minor: { count: after.minor.count - before.minor.count, ms: after.minor.ms - before.minor.ms },
});

async function serverCounts(url: string): Promise<ServerCounts> {
  const stats = (await (await fetch(url.replace(/\/graphql$/, '/bench/protection'))).json()) as {
    admission: { classes: ServerCounts };
  };
  return stats.admission.classes;
}

/**
 * Mixed traffic at twice the BFF's capacity, with priority admission and without. "Unloaded" is
 * the mix sent by two clients one request after another (a few hundred critical samples);
 * capacity is what 32 closed-loop clients get served with admission off; the overload is an open
 * loop at twice that, as independent clients would send it.
 */
export async function overloadScenario(
  urls: { admitted: string; unadmitted: string },
  pids: { admitted: number; unadmitted: number; generator: number; services: number[] },
): Promise<OverloadReport> {
  const mix = webMix();
  // The BFF under test gets a CPU of its own, as a production gateway has; load, services and the rest share the other.
  const gateways = [pids.admitted, pids.unadmitted];
  const others = [pids.generator, ...pids.services];
  const pinned = (
    await Promise.all([...gateways.map((pid) => pinToCpus(pid, '1')), ...others.map((pid) => pinToCpus(pid, '0'))])
  ).every(Boolean);
  await sendClosedLoop(urls.admitted, mix, 16, 2);
  await sendClosedLoop(urls.unadmitted, mix, 16, 2);
  const unloaded = await sendClosedLoop(urls.admitted, mix, 2, 4);
  // Capacity is what the BFF serves with nothing held back (admission off), so 2x is twice its real capacity.
  const measured = await sendClosedLoop(urls.unadmitted, mix, 32, 4);
  const capacity = classes.reduce((sum, priority) => sum + measured[priority].servedMs.length, 0) / 4;
  const offered = capacity * 2;
  const before = await serverCounts(urls.admitted);
  // One scrape starts the BFF's delay histogram afresh for the overload and reads its collections so far.
  const gcBefore = (await scrapeGateway(urls.admitted)).gc;
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  const cpuOf = () => ({
    gateway: cpuMilliseconds([pids.admitted]),
    generator: cpuMilliseconds([pids.generator]),
    services: cpuMilliseconds(pids.services),
  });
  const cpuBefore = cpuOf();
  const wallStarted = performance.now();
  const admitted = await sendOverload(urls.admitted, mix, offered, pinned);
  const wallMs = performance.now() - wallStarted;
  const cpuAfter = cpuOf();
  const cpuShares = {
    gateway: (cpuAfter.gateway - cpuBefore.gateway) / wallMs,
    generator: (cpuAfter.generator - cpuBefore.generator) / wallMs,
    services: (cpuAfter.services - cpuBefore.services) / wallMs,
  };
  lag.disable();
  const { lag: gatewayLag, gc: gcAfter } = await scrapeGateway(urls.admitted);
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
  const unadmitted = await sendOverload(urls.unadmitted, mix, offered, pinned);
  // Every CPU again, for what the bench runs next (its children inherit this process's affinity).
  if (pinned) await Promise.all([...gateways, ...others].map((pid) => pinToCpus(pid, `0-${cpus().length - 1}`)));
  return {
    capacity,
    offered,
    seconds: overloadSeconds,
    unloaded,
    admitted,
    unadmitted,
    server,
    generatorLagMs: lag.percentile(99) / 1e6,
    gatewayLag,
    gatewayGc: gcSince(gcBefore, gcAfter),
    pinned,
    cpuShares,
  };
}

/**
 * The overload: the critical share of the mix from a process of its own (criticalClient.ts),
 * the rest from this one, both open loops for `overloadSeconds`.
 */
async function sendOverload(
  url: string,
  mix: readonly MixEntry[],
  offered: number,
  pinned: boolean,
): Promise<MixOutcome> {
  const criticalShare =
    mix.filter((entry) => entry.priority === 'critical').reduce((sum, entry) => sum + entry.per10, 0) / 10;
  const criticalClients = await startCriticalClients(url, offered * criticalShare, overloadSeconds);
  if (pinned) await pinToCpus(criticalClients.pid, '0');
  const [critical, rest] = await Promise.all([
    criticalClients.go(),
    sendOpenLoop(
      url,
      mix.filter((entry) => entry.priority !== 'critical'),
      offered * (1 - criticalShare),
      overloadSeconds,
    ),
  ]);
  return { ...rest, critical };
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
  const adaptiveNote = adaptive === 'on' ? `, adaptive above ${targetUtilization}% event-loop use` : '';
  const unadmittedRatio = percentile(unadmitted.critical.servedMs, 0.99) / percentile(unloaded.critical.servedMs, 0.99);
  const { major, minor } = report.gatewayGc;
  const { cpuShares } = report;
  const pinning = report.pinned
    ? 'the BFF under test on CPU 1, everything else on CPU 0'
    : 'no CPU pinning (taskset missing or one CPU)';
  return [
    `priority admission, web BFF at 2x capacity (at most ${overloadMaxInFlight} in flight${adaptiveNote}, ` +
      `${criticalReserve} more for critical only; mix per 10: 1 CreateOrder critical, 4 ProductPage high, ` +
      `3 AccountPage normal, 2 TopProducts low)`,
    `  capacity ${report.capacity.toFixed(0)} req/s (32 closed-loop clients, admission off); ` +
      `unloaded: 2 closed-loop clients; ` +
      `overload: ${report.offered.toFixed(0)} req/s open loop for ${report.seconds} s`,
    `  latencies p50/p99 in ms of served requests  | admission on                    | admission off`,
    `  class     unloaded  p50/p99    shed   queued  failed  p50/p99     failed`,
    ...rows.map((row) => `  ${row}`),
    `  critical p99 under overload / unloaded: ${ratio.toFixed(2)} (target: at most 2) ` +
      `${ratio <= 2 ? 'MET' : 'MISSED'}; without admission: ${unadmittedRatio.toFixed(1)}`,
    `  critical p99 of the requests sent after the overload's first second (its connection ramp-up): ` +
      `${ms(percentile(admitted.critical.servedAfterFirstSecondMs, 0.99))} ms; ` +
      `the BFF's garbage collection during the overload: ${major.count} mark-compact (${ms(major.ms)} ms of pauses), ` +
      `${minor.count} scavenges (${ms(minor.ms)} ms)`,
    `  critical shed: ${server.critical.shed}, lower classes shed: ${lowerShed} ` +
      `(target: no critical shed while a lower class is) ${criticalSafe ? 'MET' : 'MISSED'}`,
    `  BFF event-loop delay during the overload: p99 ${report.gatewayLag.p99.toFixed(0)} ms, ` +
      `max ${report.gatewayLag.max.toFixed(0)} ms; load generator's p99: ${report.generatorLagMs.toFixed(0)} ms ` +
      `(in the lower classes' latencies; critical requests are sent and timed by a process of their own)`,
    `  ${pinning}; CPU used during the overload with admission on, in cores: BFF ${cpuShares.gateway.toFixed(2)}, ` +
      `load generator ${cpuShares.generator.toFixed(2)}, services ${cpuShares.services.toFixed(2)}`,
  ].join('\n');
}
