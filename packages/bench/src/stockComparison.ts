import { Pool } from 'undici';
import type { DownstreamReplay } from './productPageDownstream.js';
import { measureLoad, probeDocument, type LoadResult } from './measureThroughput.js';
import { hasWrk, measureWithWrk } from './measureWithWrk.js';
import { cpuMilliseconds, processTree } from './sustainedMemory.js';

/** One operation measured through the BFF and through stock @apollo/gateway over the same services. */
export interface StockScenario {
  readonly name: string;
  readonly body: object;
  readonly bffUrl: string;
  readonly stockUrl: string;
  /** Process ids of both gateways (the BFF's workers are children of its pid), to read their CPU time. */
  readonly bffPid: number;
  readonly stockPid: number;
  /** The services both gateways call, to show what they cost per operation on each side. */
  readonly servicesPid: number;
  /** Each request's own headers: a distinct user's token per request. */
  readonly headersPerRequest: () => Record<string, string>;
  /**
   * The operation's downstream calls made straight from the bench, in the query plan's order
   * (see productPageDownstream.ts): what a gateway that added nothing would answer in.
   */
  readonly downstreamAlone?: () => DownstreamReplay;
  /** A gateway that makes only those calls, over HTTP (floorGateway.ts): measured unloaded beside both. */
  readonly floorUrl?: string;
}

/** Medians of the alternating rounds of one side, and its latency one request at a time. */
export interface SideFigures {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly unloadedP50Ms: number;
  readonly unloadedP99Ms: number;
  /**
   * Gateway CPU time per operation over the loaded rounds, in ms: what the gateway itself costs,
   * whoever else is the bottleneck.
   */
  readonly cpuMsPerOperation: number;
  /** CPU time of the services (subgraphs, REST) per operation over the same rounds, in ms. */
  readonly servicesCpuMsPerOperation: number;
}

export interface StockComparisonRow {
  readonly name: string;
  readonly bff: SideFigures;
  readonly stock: SideFigures;
  /** Unloaded p50 of the downstream calls alone (StockScenario.downstreamAlone), in ms. */
  readonly downstreamAloneP50Ms?: number;
  /** Unloaded p50 of the gateway that only makes the calls (StockScenario.floorUrl), in ms. */
  readonly floorP50Ms?: number;
}

/** wrk (C) when installed, so the load generator takes little of the cores the gateways share; else autocannon. */
export const loadGenerator: 'wrk' | 'autocannon' = hasWrk() ? 'wrk' : 'autocannon';

/** Connections of the loaded rounds: enough to keep both gateways busy on two cores. */
export const loadedConnections = 20;
/**
 * Alternating 1 s rounds per side of the unloaded figure: with 4, a product page's ratio moved
 * 0.29-0.35 between runs on a noisy VM.
 */
export const unloadedRounds = 10;
const roundSeconds = 5;
const rounds = 3;

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** p50 and p99 of samples in fractional ms (sorts them in place); NaN for no samples. */
function percentiles(samples: number[]): { p50Ms: number; p99Ms: number } {
  samples.sort((a, b) => a - b);
  return {
    p50Ms: samples[Math.floor(samples.length * 0.5)] ?? Number.NaN,
    p99Ms: samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.99))] ?? Number.NaN,
  };
}

/** Runs `once` one call after another for `seconds`, adding each call's time (fractional ms) to `samples`. */
async function sampleOneAtATime(seconds: number, once: () => Promise<void>, samples: number[]): Promise<void> {
  for (const until = performance.now() + seconds * 1000; performance.now() < until;) {
    const started = performance.now();
    await once();
    samples.push(performance.now() - started);
  }
}

/** p50 and p99 of `once`, run one after another for `seconds`, in fractional ms. */
export async function timeOneAtATime(
  seconds: number,
  once: () => Promise<void>,
): Promise<{ p50Ms: number; p99Ms: number }> {
  const samples: number[] = [];
  await sampleOneAtATime(seconds, once, samples);
  return percentiles(samples);
}

/**
 * Latency one request at a time (fractional ms; autocannon rounds to whole ms) of each URL, in
 * `rounds` alternating rounds of `secondsPerRound` (A B A B …, after one uncounted), so that a noisy machine's drift
 * moves every side alike; percentiles over all of a side's requests.
 */
export async function measureUnloaded(
  urls: readonly string[],
  body: object,
  headersPerRequest: () => Record<string, string>,
  rounds: number,
  secondsPerRound: number,
): Promise<{ p50Ms: number; p99Ms: number }[]> {
  const payload = JSON.stringify(body);
  const sides = urls.map((url) => {
    const { origin, pathname } = new URL(url);
    return { pool: new Pool(origin, { connections: 1 }), pathname, samples: [] as number[] };
  });
  try {
    // Round -1 warms each side up and is not counted: the do-nothing gateway gets no loaded rounds,
    // and its first requests ran 2-3x slower than its later ones (JIT warm-up).
    for (let round = -1; round < rounds; round += 1) {
      for (const side of sides) {
        const { pool, pathname } = side;
        await sampleOneAtATime(
          secondsPerRound,
          async () => {
            const response = await pool.request({
              method: 'POST',
              path: pathname,
              headers: { 'content-type': 'application/json', ...headersPerRequest() },
              body: payload,
            });
            await response.body.text();
            if (response.statusCode !== 200) throw new Error(`unloaded request answered ${response.statusCode}`);
          },
          round < 0 ? [] : side.samples,
        );
      }
    }
    return sides.map((side) => percentiles(side.samples));
  } finally {
    await Promise.all(sides.map((side) => side.pool.close()));
  }
}

function summarize(
  loaded: readonly LoadResult[],
  unloaded: { p50Ms: number; p99Ms: number },
  cpuMs: number,
  servicesCpuMs: number,
): SideFigures {
  const operations = loaded.reduce((sum, run) => sum + run.requests, 0);
  return {
    cpuMsPerOperation: cpuMs / operations,
    servicesCpuMsPerOperation: servicesCpuMs / operations,
    requestsPerSecond: median(loaded.map((run) => run.requestsPerSecond)),
    p50Ms: median(loaded.map((run) => run.p50Ms)),
    p99Ms: median(loaded.map((run) => run.p99Ms)),
    errors: loaded.reduce((sum, run) => sum + run.errors, 0),
    unloadedP50Ms: unloaded.p50Ms,
    unloadedP99Ms: unloaded.p99Ms,
  };
}

/**
 * BFF and stock in alternating rounds (B S B S B S) after a warm-up of each, at
 * `loadedConnections`, then each alone one request at a time (unloaded latency). Every request
 * carries its own user's token, also to stock (which ignores it), so both receive the same bytes.
 */
export async function compareWithStock(scenario: StockScenario): Promise<StockComparisonRow> {
  const distinctHeaders = Array.from({ length: 5_000 }, () => scenario.headersPerRequest());
  const load = async (url: string, connections: number, durationSeconds: number) => {
    if (loadGenerator === 'autocannon')
      return measureLoad({
        url,
        body: scenario.body,
        headersPerRequest: scenario.headersPerRequest,
        connections,
        durationSeconds,
        tolerateErrors: true,
      });
    return measureWithWrk({ url, body: scenario.body, distinctHeaders, connections, durationSeconds });
  };
  // Both answer the document right before load (autocannon's runs probe by themselves).
  for (const url of [scenario.bffUrl, scenario.stockUrl])
    await probeDocument(url, scenario.body, scenario.headersPerRequest());
  await load(scenario.bffUrl, loadedConnections, 2);
  await load(scenario.stockUrl, loadedConnections, 2);
  const bff: LoadResult[] = [];
  const stock: LoadResult[] = [];
  const bffProcesses = processTree(scenario.bffPid);
  const stockProcesses = processTree(scenario.stockPid);
  const servicesProcesses = processTree(scenario.servicesPid);
  const cpu = { bff: 0, stock: 0, bffServices: 0, stockServices: 0 };
  const timed = async (
    pids: readonly number[],
    run: () => Promise<LoadResult>,
  ): Promise<[LoadResult, number, number]> => {
    const gatewayBefore = cpuMilliseconds(pids);
    const servicesBefore = cpuMilliseconds(servicesProcesses);
    const result = await run();
    return [result, cpuMilliseconds(pids) - gatewayBefore, cpuMilliseconds(servicesProcesses) - servicesBefore];
  };
  for (let round = 0; round < rounds; round += 1) {
    const [bffRun, bffCpu, bffServicesCpu] = await timed(bffProcesses, () =>
      load(scenario.bffUrl, loadedConnections, roundSeconds),
    );
    bff.push(bffRun);
    cpu.bff += bffCpu;
    cpu.bffServices += bffServicesCpu;
    const [stockRun, stockCpu, stockServicesCpu] = await timed(stockProcesses, () =>
      load(scenario.stockUrl, loadedConnections, roundSeconds),
    );
    stock.push(stockRun);
    cpu.stock += stockCpu;
    cpu.stockServices += stockServicesCpu;
  }
  const unloadedUrls = [scenario.bffUrl, scenario.stockUrl, ...(scenario.floorUrl ? [scenario.floorUrl] : [])];
  const [bffUnloaded, stockUnloaded, floorUnloaded] = await measureUnloaded(
    unloadedUrls,
    scenario.body,
    scenario.headersPerRequest,
    unloadedRounds,
    1,
  );
  if (!bffUnloaded || !stockUnloaded) throw new Error('measureUnloaded answers one figure per URL it is given');
  const downstreamAlone = scenario.downstreamAlone && (await timeReplay(scenario.downstreamAlone()));
  return {
    name: scenario.name,
    bff: summarize(bff, bffUnloaded, cpu.bff, cpu.bffServices),
    stock: summarize(stock, stockUnloaded, cpu.stock, cpu.stockServices),
    ...(downstreamAlone && { downstreamAloneP50Ms: downstreamAlone.p50Ms }),
    ...(floorUnloaded && { floorP50Ms: floorUnloaded.p50Ms }),
  };
}

const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

/** The comparison's columns, in order. */
const stockComparisonColumns = [
  'operation',
  'BFF req/s',
  'stock req/s',
  'ratio',
  'BFF p50 / p99 ms',
  'stock p50 / p99 ms',
  'errors BFF / stock',
  'unloaded p50 BFF / stock ms',
  'p50 ratio',
  'gateway CPU ms/op BFF / stock',
  'services CPU ms/op, BFF / stock rounds',
];

/**
 * The comparison as a markdown table, with each target checked (throughput ≥ 3x, lower p99,
 * unloaded p50 ≤ 1/3).
 */
export function formatStockComparison(rows: readonly StockComparisonRow[]): string {
  const lines = [
    `| ${stockComparisonColumns.join(' | ')} |`,
    `|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
    ...rows.map(({ name, bff, stock }) =>
      [
        name,
        fixed(bff.requestsPerSecond),
        fixed(stock.requestsPerSecond),
        `${fixed(bff.requestsPerSecond / stock.requestsPerSecond, 2)}x`,
        `${fixed(bff.p50Ms)} / ${fixed(bff.p99Ms)}`,
        `${fixed(stock.p50Ms)} / ${fixed(stock.p99Ms)}`,
        `${bff.errors} / ${stock.errors}`,
        `${fixed(bff.unloadedP50Ms, 2)} / ${fixed(stock.unloadedP50Ms, 2)}`,
        fixed(bff.unloadedP50Ms / stock.unloadedP50Ms, 2),
        `${fixed(bff.cpuMsPerOperation, 2)} / ${fixed(stock.cpuMsPerOperation, 2)}`,
        `${fixed(bff.servicesCpuMsPerOperation, 2)} / ${fixed(stock.servicesCpuMsPerOperation, 2)}`,
      ]
        .join(' | ')
        .replace(/^/, '| ')
        .replace(/$/, ' |'),
    ),
  ];
  return lines.join('\n');
}

/** The targets, checked on one row: throughput, p99 under load, unloaded p50. */
export function stockTargets(row: StockComparisonRow): string {
  const throughput = row.bff.requestsPerSecond / row.stock.requestsPerSecond;
  const unloaded = row.bff.unloadedP50Ms / row.stock.unloadedP50Ms;
  const verdict = (met: boolean) => (met ? 'MET' : 'MISSED');
  return (
    `${row.name}: throughput ${throughput.toFixed(2)}x (target ≥ 3x) ${verdict(throughput >= 3)}; ` +
    `p99 ${fixed(row.bff.p99Ms)} vs ${fixed(row.stock.p99Ms)} ms ` +
    `(target lower) ${verdict(row.bff.p99Ms < row.stock.p99Ms)}; ` +
    `unloaded p50 ${unloaded.toFixed(2)} of stock's (target ≤ 0.33) ${verdict(unloaded <= 1 / 3)}` +
    (row.downstreamAloneP50Ms === undefined ? '' : `; ${overDownstream(row, row.downstreamAloneP50Ms)}`) +
    (row.floorP50Ms === undefined ? '' : `; ${overFloor(row, row.floorP50Ms)}`)
  );
}

/** What a gateway that only makes the operation's downstream calls answers in, against stock. */
function overFloor(row: StockComparisonRow, floorMs: number): string {
  const ofStock = (floorMs / row.stock.unloadedP50Ms).toFixed(2);
  return (
    'a gateway making only these calls over HTTP (node:http, undici) ' +
    `answers in ${floorMs.toFixed(2)} ms (${ofStock} of stock's p50)`
  );
}

async function timeReplay(replay: DownstreamReplay): Promise<{ p50Ms: number }> {
  try {
    return await timeOneAtATime(4, () => replay.once());
  } finally {
    await replay.close();
  }
}

/** What each gateway adds, one request at a time, to the time its downstream calls take alone. */
function overDownstream(row: StockComparisonRow, aloneMs: number): string {
  const added = (side: SideFigures) => (side.unloadedP50Ms - aloneMs).toFixed(2);
  const ofStock = (aloneMs / row.stock.unloadedP50Ms).toFixed(2);
  return (
    `its downstream calls alone take ${aloneMs.toFixed(2)} ms (${ofStock} of stock's p50): ` +
    `the BFF adds ${added(row.bff)} ms, stock ${added(row.stock)} ms`
  );
}
