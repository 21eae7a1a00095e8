import { priorityClasses as classes, type PriorityClass } from '@bff/gateway';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';

export { classes, type PriorityClass };

/** One kind of request in a mix: its class, its share of the traffic, and what is sent. */
export interface MixEntry {
  readonly priority: PriorityClass;
  /** Requests of this kind per 10 of the mix. */
  readonly per10: number;
  readonly body: object;
  readonly headers?: Record<string, string>;
}

/** What happened to the requests of one class. */
export interface ClassOutcome {
  readonly sent: number;
  /** Latencies (ms) of the requests served with data and no error, sorted. */
  readonly servedMs: readonly number[];
  /** The same, of the requests sent after the first second of the run (past a load's ramp-up), sorted. */
  readonly servedAfterFirstSecondMs: readonly number[];
  /** Refused with 503 OVERLOADED. */
  readonly shed: number;
  /** Anything else: other statuses, GraphQL errors, network errors, timeouts. */
  readonly failed: number;
}

export type MixOutcome = Readonly<Record<PriorityClass, ClassOutcome>>;

/** A ClassOutcome while its requests are under way. */
interface ClassTally {
  sent: number;
  servedMs: number[];
  servedAfterFirstSecondMs: number[];
  shed: number;
  failed: number;
}
type ClassTallies = Record<PriorityClass, ClassTally>;

/** The requests of a mix, endlessly: its entries repeated in a fixed pattern (of 10 for a whole mix), spread out. */
function* patternOf(mix: readonly MixEntry[]): Generator<MixEntry, never> {
  const slots = mix.flatMap((entry) =>
    Array.from({ length: entry.per10 }, (_, index) => ({ entry, at: (index + 0.5) / entry.per10 })),
  );
  const pattern = slots.sort((a, b) => a.at - b.at).map((slot) => slot.entry);
  if (pattern.length === 0) throw new Error('a mix must have an entry with per10 above 0, but got none');
  for (;;) yield* pattern;
}

/**
 * Sends requests over undici pools (lighter than fetch, so the load generator takes less of the
 * machine from the BFF it measures) and records what became of each, by class. Each class has
 * its own connections, as independent clients do: one capped pool for all would queue a critical
 * request behind lower-class requests waiting at the BFF, inside the generator, where no priority
 * can reach it.
 */
function createRecorder(url: string) {
  const { origin, pathname } = new URL(url);
  const pools = Object.fromEntries(
    classes.map((priority) => [
      priority,
      new Pool(origin, { connections: 256, headersTimeout: 15_000, bodyTimeout: 15_000 }),
    ]),
  ) as Record<PriorityClass, Pool>;
  const tally = (): ClassTally => ({ sent: 0, servedMs: [], servedAfterFirstSecondMs: [], shed: 0, failed: 0 });
  const outcomes = Object.fromEntries(classes.map((priority) => [priority, tally()])) as ClassTallies;
  const begun = performance.now();
  const send = async (entry: MixEntry) => {
    const outcome = outcomes[entry.priority];
    outcome.sent += 1;
    const started = performance.now();
    try {
      const response = await pools[entry.priority].request({
        method: 'POST',
        path: pathname,
        headers: { 'content-type': 'application/json', ...entry.headers },
        body: JSON.stringify(entry.body),
      });
      const text = await response.body.text();
      if (response.statusCode === 200 && !text.includes('"errors"')) {
        const latency = performance.now() - started;
        outcome.servedMs.push(latency);
        if (started - begun >= 1000) outcome.servedAfterFirstSecondMs.push(latency);
      } else if (response.statusCode === 503 && text.includes('OVERLOADED')) outcome.shed += 1;
      else outcome.failed += 1;
    } catch {
      outcome.failed += 1;
    }
  };
  const finish = async (): Promise<MixOutcome> => {
    await Promise.all(Object.values(pools).map((pool) => pool.close()));
    for (const outcome of Object.values(outcomes)) {
      outcome.servedMs.sort((a, b) => a - b);
      outcome.servedAfterFirstSecondMs.sort((a, b) => a - b);
    }
    return outcomes;
  };
  return { send, finish };
}

/**
 * Open loop: sends `rate` requests per second for `seconds`, on schedule whatever the answers
 * (as independent clients would), then waits for every answer. Latency runs from each send.
 */
export async function sendOpenLoop(
  url: string,
  mix: readonly MixEntry[],
  rate: number,
  seconds: number,
): Promise<MixOutcome> {
  const pattern = patternOf(mix);
  const recorder = createRecorder(url);
  const total = Math.round(rate * seconds);
  const pending: Promise<void>[] = [];
  const started = performance.now();
  for (let sent = 0; sent < total;) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
    for (; sent < due; sent += 1) pending.push(recorder.send(pattern.next().value));
    await sleep(1);
  }
  await Promise.all(pending);
  return recorder.finish();
}

/** Closed loop: `workers` clients each send the next request when the last is answered, for `seconds`. */
export async function sendClosedLoop(
  url: string,
  mix: readonly MixEntry[],
  workers: number,
  seconds: number,
): Promise<MixOutcome> {
  const pattern = patternOf(mix);
  const recorder = createRecorder(url);
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < until) await recorder.send(pattern.next().value);
    }),
  );
  return recorder.finish();
}

/** The value below which `fraction` of the sorted samples fall. */
export function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}
