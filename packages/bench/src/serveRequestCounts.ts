import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A control port of a bench target, and how to close it. */
export interface RequestCountsServer {
  /** `http://127.0.0.1:<port>`: GET answers the counts as JSON by name; POST sets them to 0 first. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves the requests each service of a target received (the example services, The Guild's
 * subgraphs), so the bench counts a gateway's downstream calls where they arrive.
 */
export async function serveRequestCounts(
  counts: () => Readonly<Record<string, number>>,
  reset: () => void,
): Promise<RequestCountsServer> {
  const control = createServer((request, response) => {
    if (request.method === 'POST') reset();
    response.setHeader('content-type', 'application/json').end(JSON.stringify(counts()));
  });
  control.listen(0, '127.0.0.1');
  await once(control, 'listening');
  return {
    url: `http://127.0.0.1:${(control.address() as AddressInfo).port}`,
    close: () => new Promise<void>((closed) => control.close(() => closed())),
  };
}

/** The requests each service received since the last {@link resetRequestCounts}, from its control port. */
export async function readRequestCounts(controlUrl: string): Promise<Record<string, number>> {
  return (await (await fetch(controlUrl)).json()) as Record<string, number>;
}

/** Sets the counts of a control port to 0. */
export async function resetRequestCounts(controlUrl: string): Promise<void> {
  await (await fetch(controlUrl, { method: 'POST' })).body?.cancel();
}

const total = (counts: Readonly<Record<string, number>>) =>
  Object.values(counts).reduce((sum, count) => sum + count, 0);

/**
 * Waits until the services have received no request for `quietMs`: a gateway keeps answering the
 * requests a load run left in flight after it ended, and their calls must not count for the next
 * gateway's round (or its idle count, or its unloaded latency).
 */
export async function waitForQuiet(countsUrl: string, quietMs = 300, maxMs = 30_000): Promise<void> {
  let last = total(await readRequestCounts(countsUrl));
  for (const until = performance.now() + maxMs; performance.now() < until;) {
    await sleep(quietMs);
    const now = total(await readRequestCounts(countsUrl));
    if (now === last) return;
    last = now;
  }
  throw new Error(`the services still received requests ${maxMs} ms after the last load run ended`);
}
