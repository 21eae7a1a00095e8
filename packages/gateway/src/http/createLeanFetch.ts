import type { Fetcher, FetcherRequestInit } from '@apollo/utils.fetcher';
import type { Dispatcher } from 'undici';

/** What fetchJson reads of an answer; a WHATWG Response is one too. */
export interface LeanResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  /** Reads the whole body; reading it (or failing to) frees the connection. */
  text(): Promise<string>;
  json(): Promise<unknown>;
}

/** One request whose answer is read whole: no WHATWG Request, Response or web streams. */
export type LeanFetch = (url: string, init: FetcherRequestInit) => Promise<LeanResponse>;

/** A Fetcher that also offers {@link LeanFetch}, which fetchJson prefers when present. */
export interface WithLeanFetch {
  readonly leanFetch: LeanFetch;
}

const redirects = new Set([301, 302, 303, 307, 308]);

/**
 * A LeanFetch over undici's Dispatcher.request: the per-call cost of WHATWG fetch (Request and
 * Headers objects, web streams) is most of a small JSON call's CPU. Unlike fetch it sends no
 * default headers and asks for no compression; a redirect, which our services never send, is
 * handed to `slowFetch` so it is still followed.
 */
export function createLeanFetch(dispatcher: Dispatcher, timeoutMs: number, slowFetch: Fetcher): LeanFetch {
  return async (url, init) => {
    const { origin, pathname, search } = new URL(url);
    const signal = (init.signal as AbortSignal | undefined) ?? AbortSignal.timeout(timeoutMs);
    const { statusCode, headers, body } = await dispatcher.request({
      origin,
      path: pathname + search,
      method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
      headers: init.headers ?? {},
      body: init.body ?? null,
      signal,
    });
    if (redirects.has(statusCode) && headers['location'] !== undefined) {
      await body.dump();
      return slowFetch(url, { ...init, signal });
    }
    return {
      status: statusCode,
      // Like Headers.get: repeated fields joined with ', '; undici gives names in lower case.
      headers: {
        get: (name) => {
          const value = headers[name.toLowerCase()];
          return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
        },
      },
      text: () => body.text(),
      json: () => body.json(),
    };
  };
}
