/**
 * Whether a downstream call was handed to undici in this turn of the event loop and is not yet
 * on the wire. undici writes a request on a reused keep-alive socket only in the next check
 * phase: it lets the poll phase surface bytes, FIN or RST already waiting on the idle socket
 * first (GHSA-35p6-xmwp-9g52, a protection its maintainers keep). Until then, everything else
 * the current turn does delays that write, and so the service's answer.
 */
export interface CallWrites {
  /** Notes a call just dispatched: undici writes it in this turn's check phase. */
  noteDispatched(): void;
  /** Whether a call dispatched in this turn is still waiting for its write. */
  awaitingWrite(): boolean;
  /** Resolves in the next check phase, once the calls dispatched in this turn are written. */
  afterWrites(): Promise<void>;
}

/** The pending writes of one HTTP pool's calls (its lean fetch notes them, the plan executor reads them). */
export function createCallWrites(): CallWrites {
  let awaitingWrite = false;
  const written = () => {
    awaitingWrite = false;
  };
  return {
    noteDispatched() {
      if (awaitingWrite) return;
      awaitingWrite = true;
      // Queued after the validation undici queued as it took the call, so it runs once the call is written.
      setImmediate(written);
    },
    awaitingWrite: () => awaitingWrite,
    afterWrites: () => new Promise((resolve) => setImmediate(resolve)),
  };
}
