import { authorizationOverhead } from './authorizationOverhead.js';
import { callsPerOperation, poolingAndDedupe } from './fanOut.js';
import { responseCacheGain } from './responseCacheGain.js';
import { entityCacheGain } from './entityCacheGain.js';
import { compareVariants, formatResults, type ComparisonResult } from './compareVariants.js';
import { deferFirstPart, formatDeferFirstPart } from './deferFirstPart.js';
import { formatOverload, overloadScenario, overloadTargetEnv } from './overload.js';
import { peerBench } from './peerBench.js';
import { spawnTarget, type Target } from './spawnTarget.js';
import { stockBench } from './stockBench.js';
import { formatSubscriptionFanOut, subscriptionFanOut } from './subscriptionFanOut.js';
import { urlNamed } from './urlNamed.js';

/**
 * `npm run bench`: every figure is a ratio to a baseline measured in the same run, in
 * alternating rounds, so a noisy machine moves both sides. Targets are reported, not asserted.
 * `npm run bench -- stock` runs only the comparison with stock @apollo/gateway; `-- peers` only the
 * comparison with stock and Hive Gateway, one core each (peerBench.ts); `-- features` the feature
 * comparisons, @defer's first part, the subscriptions' fan-out and overload; `-- overload` only the priority
 * admission scenario; `-- live` only @defer's first part and the subscriptions' fan-out. Without a section, all of
 * them.
 */
const section = process.argv[2];
const sections = ['stock', 'peers', 'features', 'overload', 'live'];
if (section !== undefined && !sections.includes(section)) {
  console.error(`npm run bench -- <section>: the section must be one of ${sections.join(', ')}, but got: ${section}`);
  process.exit(2);
}
const targets: Target[] = [];
// Interrupted, the bench still stops every process it started.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void Promise.all(targets.map((target) => target.stop())).then(() => process.exit(130)));
}
try {
  if (section === 'live') {
    await deferBench();
    await subscriptionBench();
  } else if (section !== 'stock' && section !== 'peers') await featureBench(section === 'overload');
  if (section === undefined || section === 'stock') console.log(await stockBench(targets));
  if (section === undefined || section === 'peers') console.log(await peerBench(targets));
} finally {
  await Promise.all(targets.map((target) => target.stop()));
}

/** What each feature costs or saves, against the same BFF without it; and priority admission under overload. */
async function featureBench(overloadOnly: boolean): Promise<void> {
  const services = await spawnTarget('services');
  targets.push(services);
  const serviceEnv = {
    WEB_BFF_SUBGRAPH_PRODUCTS_URL: `${urlNamed(services.ready, 'products')}/graphql`,
    WEB_BFF_SUBGRAPH_REVIEWS_URL: `${urlNamed(services.ready, 'reviews')}/graphql`,
    WEB_BFF_SERVICE_ACCOUNTS_URL: urlNamed(services.ready, 'accounts'),
    WEB_BFF_SERVICE_ORDERS_URL: urlNamed(services.ready, 'orders'),
    WEB_BFF_SERVICE_INVENTORY_URL: urlNamed(services.ready, 'inventory'),
    // Every comparison measures the work of answering; the response cache is measured on its own below.
    WEB_BFF_RESPONSE_CACHE: 'off',
  };
  if (!overloadOnly) {
    await featureComparisons(serviceEnv, services);
    await deferBench();
    await subscriptionBench();
  }
  // Last, and against BFFs of its own: it leaves orders behind and queues behind it.
  const admitted = await spawnTarget('web-bff', { ...serviceEnv, ...overloadTargetEnv(true) });
  targets.push(admitted);
  const unadmitted = await spawnTarget('web-bff', { ...serviceEnv, ...overloadTargetEnv(false) });
  targets.push(unadmitted);
  const pids = { admitted: admitted.pid, unadmitted: unadmitted.pid, generator: process.pid, services: [services.pid] };
  console.log(
    formatOverload(await overloadScenario({ admitted: urlOf(admitted), unadmitted: urlOf(unadmitted) }, pids)),
  );
}

/** Rules, pooling and sharing, the response cache and the entity cache, each against the same BFF without it. */
async function featureComparisons(serviceEnv: Record<string, string | undefined>, services: Target): Promise<void> {
  const bare = await spawnTarget('web-bff:no-rules', serviceEnv);
  targets.push(bare);
  const guarded = await spawnTarget('web-bff', serviceEnv);
  targets.push(guarded);

  const plain = await spawnTarget('web-bff', { ...serviceEnv, WEB_BFF_KEEP_ALIVE: 'off', WEB_BFF_DEDUPE: 'off' });
  targets.push(plain);

  const results: ComparisonResult[] = [];
  const webUrls = { bare: urlOf(bare), guarded: urlOf(guarded) };
  results.push(await compareVariants(authorizationOverhead(webUrls, 'product')));
  results.push(await compareVariants(authorizationOverhead(webUrls, 'account')));
  results.push(await compareVariants(poolingAndDedupe({ plain: urlOf(plain), pooled: urlOf(guarded) })));
  const cached = await spawnTarget('web-bff', { ...serviceEnv, WEB_BFF_RESPONSE_CACHE: 'on' });
  targets.push(cached);
  results.push(await compareVariants(responseCacheGain({ uncached: urlOf(guarded), cached: urlOf(cached) })));
  const entityCached = await spawnTarget('web-bff', { ...serviceEnv, WEB_BFF_ENTITY_CACHE: 'on' });
  targets.push(entityCached);
  results.push(await compareVariants(entityCacheGain({ uncached: urlOf(guarded), cached: urlOf(entityCached) })));
  console.log(formatResults(results));

  const format = (calls: Record<string, number>) =>
    Object.entries(calls)
      .map(([name, perOperation]) => `${name} ${perOperation.toFixed(2)}`)
      .join(', ');
  const control = urlNamed(services.ready, 'control');
  console.log('downstream calls per operation, 20-review fan-out at 20 connections');
  console.log(`  no keep-alive, no sharing: ${format(await callsPerOperation(urlOf(plain), control))}`);
  console.log(`  keep-alive, sharing: ${format(await callsPerOperation(urlOf(guarded), control))}`);
}

/**
 * How much sooner @defer paints the mobile product screen. A failure (the BFF not answering multipart) is
 * printed and fails the run's exit code, but the sections after it still run.
 */
async function deferBench(): Promise<void> {
  try {
    console.log(formatDeferFirstPart(await deferFirstPart(targets)));
  } catch (error) {
    console.log(`@defer, mobile product screen: FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

/**
 * 1,000 subscriptions on one mobile BFF at 100 events/s: every event delivered, its latency, the BFF's memory. A
 * failure is printed and fails the run's exit code, as @defer's.
 */
async function subscriptionBench(): Promise<void> {
  try {
    console.log(formatSubscriptionFanOut(await subscriptionFanOut(targets)));
  } catch (error) {
    console.log(`subscriptions, mobile BFF: FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

/** The URL a gateway target listens on. */
function urlOf(target: Target): string {
  return urlNamed(target.ready, 'url');
}
