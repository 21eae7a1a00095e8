import { createEventBus, type EventBus } from '@bff/gateway';
import { signTestToken } from '@bff/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createSubscribers, type Subscribers } from './createSubscribers.js';
import { pinToCpus } from './pinToCpus.js';
import { publishOrderStatusEvents } from './publishOrderStatusEvents.js';
import { sampleResidentMemory, type ResidentMemorySampler } from './sampleResidentMemory.js';
import { spawnTarget, type Target } from './spawnTarget.js';
import { startRedisTarget } from './startRedisTarget.js';
import { distinctTokens } from './stockBench.js';
import { cpuMilliseconds, processTree } from './sustainedMemory.js';
import { urlNamed } from './urlNamed.js';
import { writeSubscriptionManifest } from './writeSubscriptionManifest.js';

/** How many subscribers, and how many events for how long. */
export interface SubscriptionFanOutSettings {
  /** WebSocket connections, each its own staff viewer. */
  readonly connections: number;
  /** Subscriptions on each connection (the BFF allows 20 by default). */
  readonly subscriptionsPerConnection: number;
  /** Orders watched, round-robin over the subscriptions (and over the events). */
  readonly orders: number;
  readonly eventsPerSecond: number;
  readonly seconds: number;
}

/** Issue #26's run: 1,000 subscriptions (100 connections x 10) over 100 orders, 100 events/s for 20 s. */
export const subscriptionFanOutSettings: SubscriptionFanOutSettings = {
  connections: 100,
  subscriptionsPerConnection: 10,
  orders: 100,
  eventsPerSecond: 100,
  seconds: 20,
};

/** Issue #26's targets for the run. */
export const subscriptionFanOutTargets = { p99Ms: 50, rssMb: 300 } as const;

/** The outcome of {@link subscriptionFanOut}. */
export interface SubscriptionFanOutResult {
  readonly settings: SubscriptionFanOutSettings;
  readonly subscriptions: number;
  readonly published: number;
  /** Sum over the events of the subscribers of their order. */
  readonly expected: number;
  /** Deliveries of published events to subscribers of their order. */
  readonly received: number;
  /** Deliveries of no published event, or to a subscriber of another order. */
  readonly unexpected: number;
  /** Errors the subscriptions got (first few). */
  readonly errors: readonly string[];
  /** Events the BFF counts as sent to subscribers during the run (bff_subscription_events_total). */
  readonly bffEvents: number;
  /** CPU time the BFF used from the first publish to the last delivery, over that wall time (1 = a whole core). */
  readonly bffCpuShare: number;
  /** From the publish (before PUBLISH is sent to Redis) to the client's receipt of the event, in ms. */
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number };
  /** The BFF's largest resident memory from subscribing to the last delivery, and its kernel-recorded peak, in MB. */
  readonly rssMb: { readonly sampledMax: number; readonly peak: number };
  /** The BFF ran on CPU 1, everything else on CPU 0. */
  readonly pinned: boolean;
  readonly met: { readonly delivered: boolean; readonly p99: boolean; readonly rss: boolean };
}

/** How long a wave of subscriptions may take to be active, and the last events to arrive after the last publish. */
const activeWithinMs = 30_000;
/**
 * Connections opened at once: 10 x 10 subscribe requests fit in the BFF's default admission (64 in flight, 256
 * queued); 1,000 at once do not, and some are shed with OVERLOADED.
 */
const connectionsPerWave = 10;
const drainWithinMs = 10_000;

/**
 * Issue #26's subscription benchmark: a redis-server, the example services and the mobile BFF (production, one
 * worker, REDIS_URL, pinned to a CPU of its own) started here; `connections` x `subscriptionsPerConnection`
 * orderStatusChanged subscriptions over GraphQL over WebSocket, each connection a different staff viewer (staff watch
 * any order without a service call); once /metrics counts them all, order status events published through Redis on
 * the orders' channel, and each delivery timed from its publish. Stops everything it started, failed or not.
 */
export async function subscriptionFanOut(
  targets: Target[],
  settings: SubscriptionFanOutSettings = subscriptionFanOutSettings,
): Promise<SubscriptionFanOutResult> {
  // This process (clients, publisher) and the targets started below (which inherit it) on CPU 0; the BFF then on 1.
  const pinned = await pinToCpus(process.pid, '0');
  const manifestDirectory = mkdtempSync(join(tmpdir(), 'bench-subscriptions-'));
  let bus: EventBus | undefined;
  let subscribers: Subscribers | undefined;
  let memory: ResidentMemorySampler | undefined;
  const started: Target[] = [];
  const start = async (target: Promise<Target>) => {
    const running = await target;
    started.push(running);
    targets.push(running);
    return running;
  };
  try {
    const redis = await start(startRedisTarget());
    const redisUrl = urlNamed(redis.ready, 'url');
    const services = await start(spawnTarget('services'));
    const bff = await start(
      spawnTarget('mobile-bff', {
        MOBILE_BFF_SUBGRAPH_PRODUCTS_URL: `${urlNamed(services.ready, 'products')}/graphql`,
        MOBILE_BFF_SUBGRAPH_REVIEWS_URL: `${urlNamed(services.ready, 'reviews')}/graphql`,
        MOBILE_BFF_SERVICE_ACCOUNTS_URL: urlNamed(services.ready, 'accounts'),
        MOBILE_BFF_SERVICE_ORDERS_URL: urlNamed(services.ready, 'orders'),
        MOBILE_BFF_SERVICE_INVENTORY_URL: urlNamed(services.ready, 'inventory'),
        MOBILE_BFF_WORKERS: '1',
        MOBILE_BFF_METRICS: 'on',
        MOBILE_BFF_TRUSTED_DOCUMENTS_MANIFEST: writeSubscriptionManifest(manifestDirectory),
        REDIS_URL: redisUrl,
      }),
    );
    const bffPinned =
      pinned && (await Promise.all(processTree(bff.pid).map((pid) => pinToCpus(pid, '1')))).every(Boolean);
    const graphqlUrl = urlNamed(bff.ready, 'url');
    const metricsUrl = graphqlUrl.replace(/\/graphql$/, '/metrics');

    const staffViewer = distinctTokens(
      (sub) => signTestToken('mobile', { sub, roles: ['staff'], expiresIn: '2h' }),
      settings.connections,
    );
    const orderIds = Array.from({ length: settings.orders }, (_, index) => `bench-order-${index + 1}`);
    const publishedAt = new Map<string, number>();
    memory = sampleResidentMemory(bff.pid);
    subscribers = createSubscribers(
      {
        url: graphqlUrl.replace(/^http/, 'ws'),
        subscriptionsPerConnection: settings.subscriptionsPerConnection,
        orderIds,
      },
      publishedAt,
    );
    // In waves, as clients arrive: all at once, the subscribe requests overflow admission's queue (OVERLOADED).
    for (let opened = 0; opened < settings.connections;) {
      const wave = Math.min(connectionsPerWave, settings.connections - opened);
      for (let connection = 0; connection < wave; connection += 1)
        subscribers.connect(staffViewer()['authorization'] ?? '');
      opened += wave;
      await waitForActive(metricsUrl, opened * settings.subscriptionsPerConnection, subscribers);
    }
    const subscriptions = settings.connections * settings.subscriptionsPerConnection;

    bus = createEventBus({ redisUrl });
    const eventsBefore = await readMetric(metricsUrl, 'bff_subscription_events_total');
    const cpuBefore = cpuMilliseconds([bff.pid]);
    const publishStarted = performance.now();
    const published = await publishOrderStatusEvents(bus, { orderIds, ...settings }, publishedAt);
    let expected = 0;
    for (let event = 0; event < published; event += 1)
      expected += subscribers.perOrder.get(orderIds[event % orderIds.length] ?? '') ?? 0;
    await waitForDeliveries(subscribers, expected);
    const bffCpuShare = (cpuMilliseconds([bff.pid]) - cpuBefore) / (performance.now() - publishStarted);
    const rss = memory.stop();
    const bffEvents = (await readMetric(metricsUrl, 'bff_subscription_events_total')) - eventsBefore;

    const sorted = [...subscribers.latenciesMs].sort((a, b) => a - b);
    const latencyMs = { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? NaN };
    const rssMb = { sampledMax: rss.sampledMaxMb, peak: rss.peakMb };
    return {
      settings,
      subscriptions,
      published,
      expected,
      received: sorted.length,
      unexpected: subscribers.unexpected,
      errors: subscribers.errors,
      bffEvents,
      bffCpuShare,
      latencyMs,
      rssMb,
      pinned: bffPinned,
      met: {
        delivered: sorted.length === expected && subscribers.unexpected === 0 && subscribers.errors.length === 0,
        p99: latencyMs.p99 < subscriptionFanOutTargets.p99Ms,
        rss: Math.max(rssMb.sampledMax, rssMb.peak) < subscriptionFanOutTargets.rssMb,
      },
    };
  } finally {
    memory?.stop();
    await subscribers?.dispose();
    await bus?.close();
    // The BFF before Redis, so that it does not see its Redis go away; Redis last.
    for (const target of started.reverse()) await target.stop();
    rmSync(manifestDirectory, { recursive: true, force: true });
    // Every CPU again for what the bench runs next (the targets it spawns inherit this process's affinity).
    if (pinned) await pinToCpus(process.pid, `0-${cpus().length - 1}`);
  }
}

/** Waits until the BFF counts `subscriptions` active; throws on a subscription's error or after `activeWithinMs`. */
async function waitForActive(metricsUrl: string, subscriptions: number, subscribers: Subscribers): Promise<void> {
  const deadline = Date.now() + activeWithinMs;
  for (;;) {
    const active = await readMetric(metricsUrl, 'bff_subscriptions_active');
    if (active === subscriptions) return;
    if (subscribers.errors.length > 0 || Date.now() > deadline) {
      throw new Error(
        `the mobile BFF counts ${active} of ${subscriptions} subscriptions active` +
          (subscribers.errors.length > 0
            ? `; errors: ${subscribers.errors.join('; ')}`
            : ` after ${activeWithinMs} ms`),
      );
    }
    await sleep(100);
  }
}

/** Waits until every expected delivery (or more) arrived, or `drainWithinMs` after the last publish. */
async function waitForDeliveries(subscribers: Subscribers, expected: number): Promise<void> {
  const deadline = Date.now() + drainWithinMs;
  while (subscribers.latenciesMs.length + subscribers.unexpected < expected && Date.now() < deadline) await sleep(20);
}

/** A metric of the mobile BFF's /metrics (its one series, labelled bff="mobile"); 0 until it has a series. */
async function readMetric(metricsUrl: string, name: string): Promise<number> {
  const response = await fetch(metricsUrl);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${metricsUrl} answered ${response.status}: ${text.slice(0, 200)}`);
  return Number(new RegExp(`^${name}\\{bff="mobile"\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
}

/** The value at fraction `q` of `sorted` (nearest rank). */
function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

/** Prints the result in the style of the feature comparisons (compareVariants.ts's formatResults). */
export function formatSubscriptionFanOut(result: SubscriptionFanOutResult): string {
  const { settings, latencyMs, rssMb, met } = result;
  const verdict = (ok: boolean) => (ok ? 'MET' : 'MISSED');
  const rssMax = Math.max(rssMb.sampledMax, rssMb.peak);
  const lines = [
    `subscriptions, mobile BFF over GraphQL over WebSocket: ${result.subscriptions} orderStatusChanged ` +
      `(${settings.connections} connections x ${settings.subscriptionsPerConnection}, ${settings.orders} orders), ` +
      `${settings.eventsPerSecond} events/s for ${settings.seconds} s through Redis` +
      (result.pinned ? ', BFF on a CPU of its own' : ', not pinned'),
    `  events published: ${result.published}; the BFF sent ${result.bffEvents}, ` +
      `using ${(result.bffCpuShare * 100).toFixed(0)}% of a core`,
    `  deliveries expected ${result.expected}, received ${result.received}, unexpected ${result.unexpected}, ` +
      `errors ${result.errors.length} (target: every event delivered) ${verdict(met.delivered)}`,
    `  publish to client p50 ${latencyMs.p50.toFixed(1)} ms, p99 ${latencyMs.p99.toFixed(1)} ms, ` +
      `max ${latencyMs.max.toFixed(1)} ms (target: issue #26: p99 < ${subscriptionFanOutTargets.p99Ms} ms) ` +
      verdict(met.p99),
    `  BFF RSS max ${rssMax.toFixed(0)} MB (sampled every 200 ms ${rssMb.sampledMax.toFixed(0)}, ` +
      `VmHWM ${rssMb.peak.toFixed(0)}) (target: issue #26: < ${subscriptionFanOutTargets.rssMb} MB) ` +
      verdict(met.rss),
  ];
  if (result.errors.length > 0) lines.push(`  first errors: ${result.errors.join('; ')}`);
  return lines.join('\n');
}
