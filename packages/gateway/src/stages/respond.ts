import type { ResponseCache } from '../cache/createResponseCache.js';
import { useCacheScope } from '../cache/useCacheScope.js';
import type { Stage } from './Stage.js';

/** Options of the respond stage. */
export interface RespondOptions {
  /** Whole anonymous answers of public data, cached. @default none */
  readonly responseCache?: ResponseCache | undefined;
}

/**
 * respond: the answer's cache policy (RFC 9111: `private` for a viewer or a judged rule, `Vary` on
 * what it depends on) and, when on, the response cache. The log line and metrics are tagRequest's,
 * written once the answer is sent.
 */
export function respond(options: RespondOptions = {}): Stage {
  return {
    name: 'respond',
    plugins: [useCacheScope(), ...(options.responseCache ? [options.responseCache.plugin] : [])],
  };
}
