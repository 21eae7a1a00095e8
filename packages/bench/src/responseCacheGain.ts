import type { Comparison } from './compareVariants.js';
import { productPageDocument } from './authorizationOverhead.js';

/** An anonymous visitor's product page: public data, cacheable for as long as inventory allows (10 s). */
export function responseCacheGain(urls: { uncached: string; cached: string }): Comparison {
  return {
    name: 'response cache, anonymous web product page',
    baseline: { label: 'cache off', load: () => ({ url: urls.uncached, body: productPageDocument }) },
    variant: { label: 'cache on', load: () => ({ url: urls.cached, body: productPageDocument }) },
    target: { atLeast: 1.5, says: 'a cached public page is served well faster than a federated one' },
  };
}
