/**
 * What one call attempt is told to give up by: it aborts at the service's timeout or at what is left
 * of the request's deadline, with a TimeoutError as AbortSignal.timeout's. A standard AbortSignal
 * (an EventTarget: several µs to make, and more per listener, on every call) is made only for an
 * API that needs one (WHATWG fetch); the BFF's own HTTP client listens through onAbort.
 */
export class AttemptSignal {
  #reason: DOMException | undefined;
  #listeners: (() => void)[] | undefined;
  #controller: AbortController | undefined;
  readonly #timer: NodeJS.Timeout;

  constructor(timeoutMs: number) {
    this.#timer = setTimeout(() => this.#abort(), timeoutMs);
    this.#timer.unref();
  }

  get aborted(): boolean {
    return this.#reason !== undefined;
  }

  get reason(): DOMException | undefined {
    return this.#reason;
  }

  /** An AbortSignal that aborts with this one, made on first use. */
  get abortSignal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.#reason) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  /** Calls `listener` once if the attempt is aborted; the returned function stops listening. */
  onAbort(listener: () => void): () => void {
    (this.#listeners ??= []).push(listener);
    return () => {
      const listeners = this.#listeners;
      if (!listeners) return;
      const index = listeners.indexOf(listener);
      if (index >= 0) listeners.splice(index, 1);
    };
  }

  /** The attempt has settled: its timer goes. */
  clear(): void {
    clearTimeout(this.#timer);
  }

  #abort(): void {
    this.#reason = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    const listeners = this.#listeners ?? [];
    this.#listeners = undefined;
    for (const listener of listeners) listener();
    this.#controller?.abort(this.#reason);
  }
}

/** A signal a call can be given: an attempt's, or any standard AbortSignal. */
export type CallSignal = AttemptSignal | AbortSignal;

/** The standard AbortSignal of `signal`, for APIs that take no other. */
export function abortSignalOf(signal: CallSignal): AbortSignal {
  return signal instanceof AttemptSignal ? signal.abortSignal : signal;
}

/** Calls `listener` once when `signal` aborts; the returned function stops listening. */
export function onAbortOf(signal: CallSignal, listener: () => void): () => void {
  if (signal instanceof AttemptSignal) return signal.onAbort(listener);
  signal.addEventListener('abort', listener, { once: true });
  return () => signal.removeEventListener('abort', listener);
}
