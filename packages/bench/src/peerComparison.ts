import { cpus } from 'node:os';
import { checkSameAnswers, postAlone } from './checkSameAnswers.js';
import { measureLoad, type LoadResult } from './measureThroughput.js';
import { measureWithWrk } from './measureWithWrk.js';
import { pinToCpus } from './pinToCpus.js';
import { readRequestCounts, resetRequestCounts, waitForQuiet } from './serveRequestCounts.js';
import { loadGenerator, measureUnloaded } from './stockComparison.js';
import { cpuMilliseconds, processTree } from './sustainedMemory.js';

/** One gateway of a peer comparison, in a process of its own. */
export interface PeerGateway {
  /** How the report names it: 'kit', 'stock', 'Hive'. */
  readonly label: string;
  readonly url: string;
  /** Its process (and children, if any): pinned to CPU 1, its CPU time read. */
  readonly pid: number;
}

/** One operation served by every gateway over the same services. */
export interface PeerScenario {
  readonly name: string;
  readonly body: object;
  /** The gateway first is the one the ratios are of (the kit). */
  readonly gateways: readonly PeerGateway[];
  /** The process of the services every gateway calls: pinned to CPU 0 with the load generator. */
  readonly servicesPid: number;
  /** The services' control port (serveRequestCounts.ts): requests each received, counted where they arrive. */
  readonly countsUrl: string;
  /** A distinct user's valid token per request (for every gateway: each verifies the same tokens). */
  readonly headersPerRequest: () => Record<string, string>;
}

/** How a peer comparison is run: BENCH_PEER_* keys of the environment. */
export const peerSettings = {
  /** Connections of the loaded rounds: the setting. */
  connections: Number(process.env['BENCH_PEER_CONNECTIONS'] ?? 50),
  rounds: Number(process.env['BENCH_PEER_ROUNDS'] ?? 3),
  roundSeconds: Number(process.env['BENCH_PEER_ROUND_SECONDS'] ?? 5),
  warmUpSeconds: Number(process.env['BENCH_PEER_WARM_UP_SECONDS'] ?? 3),
  /** Alternating 1 s rounds per gateway of the unloaded latency, after an uncounted one. */
  unloadedRounds: Number(process.env['BENCH_PEER_UNLOADED_ROUNDS'] ?? 5),
  /** Requests sent one at a time, alone, for the idle count of subgraph requests. */
  idleRequests: 3,
};

/** What one gateway did in a peer comparison. */
export interface PeerFigures {
  readonly label: string;
  /** Median of its loaded rounds. */
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Non-2xx responses, socket errors and timeouts over its loaded rounds. */
  readonly errors: number;
  /** p50 one request at a time, fractional ms. */
  readonly unloadedP50Ms: number;
  /** Its process's CPU time over its loaded rounds per operation answered, ms. */
  readonly cpuMsPerOperation: number;
  /** Requests the services received per operation, by service: one request alone, and under load. */
  readonly idleRequests: Readonly<Record<string, number>>;
  readonly loadedRequests: Readonly<Record<string, number>>;
}

export interface PeerComparisonRow {
  readonly name: string;
  readonly gateways: readonly PeerFigures[];
  /** Whether the gateways ran on CPU 1 and everything else on CPU 0 (taskset present, two CPUs or more). */
  readonly pinned: boolean;
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const sum = (values: Iterable<number>) => [...values].reduce((total, value) => total + value, 0);
/** Requests per operation over every service. */
export const totalRequests = (counts: Readonly<Record<string, number>>): number => sum(Object.values(counts));
const perOperation = (counts: Readonly<Record<string, number>>, operations: number) =>
  Object.fromEntries(Object.entries(counts).map(([name, count]) => [name, count / operations]));
const addCounts = (into: Record<string, number>, counts: Readonly<Record<string, number>>) => {
  for (const [name, count] of Object.entries(counts)) into[name] = (into[name] ?? 0) + count;
};

/**
 * Pins every gateway's threads to CPU 1, the services' and this process's (the load generator; wrk
 * inherits it) to CPU 0. After warm-up: Hive's Rust planner starts its threads at the first plan.
 */
async function pin(scenario: PeerScenario): Promise<boolean> {
  const gateways = scenario.gateways.flatMap((gateway) => processTree(gateway.pid));
  const others = [process.pid, ...processTree(scenario.servicesPid)];
  const pinned = await Promise.all([
    ...gateways.map((pid) => pinToCpus(pid, '1')),
    ...others.map((pid) => pinToCpus(pid, '0')),
  ]);
  return pinned.every(Boolean);
}

/** Requests the services received per operation, one request alone at a time after the previous gateway's are done. */
async function idleRequests(scenario: PeerScenario, gateway: PeerGateway): Promise<Record<string, number>> {
  await waitForQuiet(scenario.countsUrl);
  await resetRequestCounts(scenario.countsUrl);
  for (let request = 0; request < peerSettings.idleRequests; request += 1)
    await postAlone(gateway.url, scenario.body, scenario.headersPerRequest());
  return perOperation(await readRequestCounts(scenario.countsUrl), peerSettings.idleRequests);
}

/** What a gateway's loaded rounds added up to. */
interface LoadedTally {
  readonly gateway: PeerGateway;
  /** Its process tree, read once pinned. */
  readonly pids: readonly number[];
  readonly runs: LoadResult[];
  cpuMs: number;
  /** Requests the services received during its runs, by service. */
  readonly requests: Record<string, number>;
}

/** One loaded run of `tally`'s gateway, its CPU time and the services' requests over the run's window. */
async function loadedRound(
  scenario: PeerScenario,
  tally: LoadedTally,
  load: (url: string, durationSeconds: number) => Promise<LoadResult>,
): Promise<void> {
  await waitForQuiet(scenario.countsUrl);
  await resetRequestCounts(scenario.countsUrl);
  const before = cpuMilliseconds(tally.pids);
  tally.runs.push(await load(tally.gateway.url, peerSettings.roundSeconds));
  // Read as the run ends: the calls of the run's window, for the operations answered in it.
  tally.cpuMs += cpuMilliseconds(tally.pids) - before;
  addCounts(tally.requests, await readRequestCounts(scenario.countsUrl));
}

/**
 * Every gateway of `scenario`: answers checked alike, warmed up, then pinned; subgraph requests of
 * one request alone; loaded in alternating rounds (the order turning each round), with CPU time and
 * subgraph requests counted per gateway; unloaded latency in alternating rounds. This process gets
 * every CPU back at the end.
 */
export async function comparePeers(scenario: PeerScenario): Promise<PeerComparisonRow> {
  const settings = peerSettings;
  const distinctHeaders = Array.from({ length: 5_000 }, () => scenario.headersPerRequest());
  const load = (url: string, durationSeconds: number): Promise<LoadResult> => {
    const options = { url, body: scenario.body, connections: settings.connections, durationSeconds };
    return loadGenerator === 'wrk'
      ? measureWithWrk({ ...options, distinctHeaders })
      : measureLoad({ ...options, headersPerRequest: scenario.headersPerRequest, tolerateErrors: true });
  };
  await checkSameAnswers(scenario);
  for (const gateway of scenario.gateways) await load(gateway.url, settings.warmUpSeconds);
  const pinned = await pin(scenario);
  try {
    const idle: Record<string, number>[] = [];
    for (const gateway of scenario.gateways) idle.push(await idleRequests(scenario, gateway));
    const tallies = scenario.gateways.map((gateway): LoadedTally => ({
      gateway,
      pids: processTree(gateway.pid),
      runs: [],
      cpuMs: 0,
      requests: {},
    }));
    for (let round = 0; round < settings.rounds; round += 1) {
      const order = [...tallies.slice(round % tallies.length), ...tallies.slice(0, round % tallies.length)];
      for (const tally of order) await loadedRound(scenario, tally, load);
    }
    await waitForQuiet(scenario.countsUrl);
    const unloaded = await measureUnloaded(
      scenario.gateways.map((gateway) => gateway.url),
      scenario.body,
      scenario.headersPerRequest,
      settings.unloadedRounds,
      1,
    );
    const gateways = tallies.map(({ gateway, runs, cpuMs, requests }, index): PeerFigures => {
      const operations = sum(runs.map((run) => run.requests));
      return {
        label: gateway.label,
        requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
        p50Ms: median(runs.map((run) => run.p50Ms)),
        p99Ms: median(runs.map((run) => run.p99Ms)),
        errors: sum(runs.map((run) => run.errors)),
        unloadedP50Ms: unloaded[index]?.p50Ms ?? Number.NaN,
        cpuMsPerOperation: cpuMs / operations,
        idleRequests: idle[index] ?? {},
        loadedRequests: perOperation(requests, operations),
      };
    });
    return { name: scenario.name, gateways, pinned };
  } finally {
    // Every CPU again for what the bench runs next (the targets it spawns inherit this process's affinity).
    if (pinned) await pinToCpus(process.pid, `0-${cpus().length - 1}`);
  }
}
