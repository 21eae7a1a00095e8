import type { Fetcher } from '@apollo/utils.fetcher';
import { Agent, fetch } from 'undici';
import { createCallWrites, createLeanFetch, type CallWrites, type WithLeanFetch } from '../fastPath/index.js';

/** Options of the pooled HTTP client shared by every downstream call of one BFF. */
export interface HttpFetcherOptions {
  /** Keep-alive connections per origin. @default 64 */
  connectionsPerOrigin?: number;
  /** Abort a call that has not completed after this many milliseconds. @default 5000 */
  timeoutMs?: number;
  /** Reuse connections between calls. @default true */
  keepAlive?: boolean;
  /** Offer the fast path's leanFetch beside WHATWG fetch (fetchJson takes it). @default true */
  lean?: boolean;
}

/** A fetch over one keep-alive pool, and the means to close the pool at shutdown. */
export interface HttpFetcher {
  /** WHATWG fetch, carrying `leanFetch` too (unless `lean` is false) so fetchJson takes the cheaper path. */
  readonly fetch: Fetcher & Partial<WithLeanFetch>;
  /** Calls the lean fetch dispatched in this turn and undici has not written yet. */
  readonly callWrites: CallWrites;
  close(): Promise<void>;
}

/** Creates the BFF's pooled keep-alive HTTP client (undici), used for subgraphs and REST services alike. */
export function createHttpFetcher(options: HttpFetcherOptions = {}): HttpFetcher {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const agent = new Agent({
    connections: options.connectionsPerOrigin ?? 64,
    // undici closes each connection after its request when pipelining is 0.
    ...(options.keepAlive === false ? { pipelining: 0 } : { keepAliveTimeout: 30_000 }),
  });
  const pooledFetch = (url: string, init?: Parameters<typeof fetch>[1]) =>
    fetch(url, { ...init, dispatcher: agent, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) });
  // undici's fetch is the WHATWG fetch Apollo's Fetcher type describes; only the nominal
  // Headers/Response types of the two declarations differ.
  const slowFetch = pooledFetch as unknown as Fetcher;
  const callWrites = createCallWrites();
  if (options.lean === false) return { fetch: slowFetch, callWrites, close: () => agent.close() };
  const leanFetch = createLeanFetch(agent, timeoutMs, slowFetch, callWrites);
  return {
    fetch: Object.assign(slowFetch, { leanFetch }),
    callWrites,
    close: () => agent.close(),
  };
}
