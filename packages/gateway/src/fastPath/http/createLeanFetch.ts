import type { Fetcher, FetcherRequestInit } from '@apollo/utils.fetcher';
import type { Dispatcher } from 'undici';
import { abortSignalOf, onAbortOf, type CallSignal } from '../../downstream/AttemptSignal.js';
import type { CallWrites } from './pendingCallWrites.js';

/** What fetchJson reads of an answer; a WHATWG Response is one too. */
export interface LeanResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  /** Reads the whole body; reading it (or failing to) frees the connection. */
  text(): Promise<string>;
}

/**
 * One request whose answer is read whole: no WHATWG Request, Response or web streams. `signal`
 * ends it (without one, it times out after the client's timeout).
 */
export type LeanFetch = (url: string, init: FetcherRequestInit, signal?: CallSignal) => Promise<LeanResponse>;

/** A Fetcher that also offers {@link LeanFetch}, which fetchJson prefers when present. */
export interface WithLeanFetch {
  readonly leanFetch: LeanFetch;
}

const redirects = new Set([301, 302, 303, 307, 308]);

/** An answer's headers, looked up in undici's raw list only when asked for. */
class RawHeaders {
  #record: Record<string, string> | undefined;

  constructor(private readonly raw: readonly Buffer[]) {}

  /** Like Headers.get: any case, repeated fields joined with ', '. */
  get(name: string): string | null {
    this.#record ??= headerRecord(this.raw);
    return this.#record[name.toLowerCase()] ?? null;
  }
}

function headerRecord(raw: readonly Buffer[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const rawName = raw[index];
    const rawValue = raw[index + 1];
    if (rawName === undefined || rawValue === undefined) break; // never: index + 1 < length
    const name = rawName.toString('latin1').toLowerCase();
    const value = rawValue.toString('latin1');
    record[name] = record[name] === undefined ? value : `${record[name]}, ${value}`;
  }
  return record;
}

/** An answer read whole. */
class WholeAnswer implements LeanResponse {
  readonly headers: RawHeaders;

  constructor(
    readonly status: number,
    rawHeaders: readonly Buffer[],
    private readonly body: string,
  ) {
    this.headers = new RawHeaders(rawHeaders);
  }

  text(): Promise<string> {
    return Promise.resolve(this.body);
  }
}

/**
 * Collects one answer for undici's dispatcher (its own handler interface, which `request()` wraps
 * in a readable stream per call): the body's chunks are joined once at the end. An abort of the
 * signal (a timeout, the request's deadline) ends the call with the signal's reason.
 */
class CollectingHandler implements Dispatcher.DispatchHandler {
  #abort: ((reason?: Error) => void) | undefined;
  #status = 0;
  #rawHeaders: Buffer[] = [];
  readonly #chunks: Buffer[] = [];
  readonly #stopListening: () => void;

  constructor(
    private readonly signal: CallSignal,
    private readonly resolve: (answer: WholeAnswer) => void,
    private readonly reject: (error: Error) => void,
  ) {
    this.#stopListening = onAbortOf(signal, () => this.#abort?.(signal.reason as Error));
  }

  onConnect(abort: (reason?: Error) => void): void {
    this.#abort = abort;
    if (this.signal.aborted) abort(this.signal.reason as Error);
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[]): boolean {
    this.#status = statusCode;
    this.#rawHeaders = rawHeaders;
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.#chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    this.#stopListening();
    const first = this.#chunks[0];
    const body =
      first && this.#chunks.length === 1 ? first.toString('utf8') : Buffer.concat(this.#chunks).toString('utf8');
    this.resolve(new WholeAnswer(this.#status, this.#rawHeaders, body));
  }

  onError(error: Error): void {
    this.#stopListening();
    this.reject(error);
  }
}

/**
 * A LeanFetch over undici's Dispatcher.dispatch: the per-call cost of WHATWG fetch (Request and
 * Headers objects, web streams), and of `request()`'s readable body stream, is most of a small
 * JSON call's CPU; our calls' answers are small and always read whole. Unlike fetch it sends no
 * default headers and asks for no compression; a redirect, which our services never send, is
 * handed to `slowFetch` so it is still followed.
 */
export function createLeanFetch(
  dispatcher: Dispatcher,
  timeoutMs: number,
  slowFetch: Fetcher,
  callWrites: CallWrites,
): LeanFetch {
  return async (url, init, callSignal) => {
    const { origin, pathname, search } = new URL(url);
    const signal = callSignal ?? (init.signal as AbortSignal | undefined) ?? AbortSignal.timeout(timeoutMs);
    if (signal.aborted) throw signal.reason;
    const answer = await new Promise<WholeAnswer>((resolve, reject) => {
      const options = {
        origin,
        path: pathname + search,
        method: init.method ?? 'GET',
        headers: init.headers ?? {},
        body: init.body ?? null,
      };
      dispatcher.dispatch(options, new CollectingHandler(signal, resolve, reject));
      callWrites.noteDispatched();
    });
    if (redirects.has(answer.status) && answer.headers.get('location') !== null)
      return slowFetch(url, { ...init, signal: abortSignalOf(signal) });
    return answer;
  };
}
