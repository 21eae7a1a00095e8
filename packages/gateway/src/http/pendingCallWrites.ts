/**
 * Whether a downstream call was handed to undici in this turn of the event loop and is not yet
 * on the wire. undici writes a request on a reused keep-alive socket only in the next check
 * phase: it lets the poll phase surface bytes, FIN or RST already waiting on the idle socket
 * first (GHSA-35p6-xmwp-9g52, a protection its maintainers keep). Until then, everything else
 * the current turn does delays that write, and so the service's answer.
 */
let awaitingWrite = false;
const written = () => {
  awaitingWrite = false;
};

/** Notes a call just dispatched: undici writes it in this turn's check phase. */
export function noteCallDispatched(): void {
  if (awaitingWrite) return;
  awaitingWrite = true;
  // Queued after the validation undici queued as it took the call, so it runs once the call is written.
  setImmediate(written);
}

/** Whether a call dispatched in this turn is still waiting for its write. */
export function isCallAwaitingWrite(): boolean {
  return awaitingWrite;
}

/** Resolves in the next check phase, once the calls dispatched in this turn are written. */
export function afterCallWrites(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
