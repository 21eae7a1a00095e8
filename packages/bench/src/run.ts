import { authorizationOverhead } from './authorizationOverhead.js';
import { compareVariants, formatResults, type ComparisonResult } from './compareVariants.js';
import { spawnTarget, type Target } from './spawnTarget.js';

/**
 * `npm run bench`: every figure is a ratio to a baseline measured in the same run, in
 * alternating rounds, so a noisy machine moves both sides. Targets are reported, not asserted.
 */
const targets: Target[] = [];
try {
  const services = await spawnTarget('services');
  targets.push(services);
  const serviceEnv = {
    WEB_BFF_SUBGRAPH_PRODUCTS_URL: `${services.ready['products']}/graphql`,
    WEB_BFF_SUBGRAPH_REVIEWS_URL: `${services.ready['reviews']}/graphql`,
    WEB_BFF_SERVICE_ACCOUNTS_URL: services.ready['accounts'],
    WEB_BFF_SERVICE_ORDERS_URL: services.ready['orders'],
    WEB_BFF_SERVICE_INVENTORY_URL: services.ready['inventory'],
  };
  const bare = await spawnTarget('web-bff:no-rules', serviceEnv);
  targets.push(bare);
  const guarded = await spawnTarget('web-bff', serviceEnv);
  targets.push(guarded);

  const results: ComparisonResult[] = [];
  const webUrls = { bare: bare.ready['url']!, guarded: guarded.ready['url']! };
  results.push(await compareVariants(authorizationOverhead(webUrls, 'product')));
  results.push(await compareVariants(authorizationOverhead(webUrls, 'account')));
  console.log(formatResults(results));
} finally {
  await Promise.all(targets.map((target) => target.stop()));
}
