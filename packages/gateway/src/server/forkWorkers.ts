import cluster, { type Worker } from 'node:cluster';
import { answerScrapesForWorkers } from '../observability/metrics/clusterMetrics.js';
import type { BffServer } from './createBffServer.js';

/** What a worker tells the primary once it listens. */
interface ReadyMessage {
  readonly bffWorkerReady: string;
}

const isReadyMessage = (message: unknown): message is ReadyMessage =>
  typeof (message as ReadyMessage | null)?.bffWorkerReady === 'string';

/** Restarts of crashed workers allowed per minute before the primary gives up (a crash loop is a bug, not load). */
const maxRestartsPerMinute = 10;

/**
 * In the primary process: forks `count` workers of this same script, which share the listening
 * port (node:cluster hands connections round-robin), and resolves with the address the first one
 * reported once every worker listens. A worker that dies is replaced; SIGINT or SIGTERM stops
 * every worker (each drains its requests) and then the primary, with exit code 0.
 * Each worker keeps its own in-memory state: share rate limits, APQ and caches with REDIS_URL;
 * /metrics, answered by any worker, sums every worker's.
 */
function forkWorkers(count: number, log: (line: string) => void): Promise<string> {
  let stopping = false;
  const restarts: number[] = [];
  const addresses: string[] = [];
  // Workers that listen: a scrape of /metrics sums theirs (one still booting has nothing to add).
  const ready = new Map<number, Worker>();
  answerScrapesForWorkers(() => [...ready.values()]);
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('message', (message: unknown) => {
      if (!isReadyMessage(message)) return;
      addresses.push(message.bffWorkerReady);
      ready.set(worker.id, worker);
    });
    return worker;
  };
  const stopAll = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received, stopping ${Object.keys(cluster.workers ?? {}).length} workers`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.once('SIGINT', stopAll);
  process.once('SIGTERM', stopAll);
  cluster.on('exit', (worker, code, signal) => {
    ready.delete(worker.id);
    const left = Object.keys(cluster.workers ?? {}).length;
    if (stopping) {
      if (left === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while ((restarts[0] ?? now) < now - 60_000) restarts.shift();
    if (restarts.length > maxRestartsPerMinute) {
      log(`workers crashed ${restarts.length} times in a minute; stopping`);
      stopAll('SIGTERM');
      process.exitCode = 1;
      return;
    }
    // Node's types say `signal` is always a string: it is null when the worker exited with a code.
    const cause = (signal as string | null) ?? code;
    log(`worker ${String(worker.process.pid)} exited (${cause}); starting another`);
    fork();
  });
  for (let index = 0; index < count; index += 1) fork();
  return new Promise((resolve) => {
    const check = () => {
      const [first] = addresses;
      if (first !== undefined && addresses.length >= count) resolve(first);
      else setTimeout(check, 20);
    };
    check();
  });
}

/**
 * With `<P>WORKERS` above 1, in the primary: stops `server` (built only to read and check the
 * configuration), forks the workers and resolves with the address they serve. Otherwise resolves
 * undefined, and the caller serves here with startServing.
 */
export async function forkIfConfigured(server: BffServer, log: (line: string) => void): Promise<string | undefined> {
  const { workers } = server.config.server;
  if (workers <= 1 || !cluster.isPrimary) return undefined;
  await server.stop();
  return forkWorkers(workers, log);
}

/** Starts `server` in this process; a worker tells its primary where it listens. */
export async function startServing(server: BffServer): Promise<string> {
  const address = await server.start();
  if (cluster.isWorker) process.send?.({ bffWorkerReady: address } satisfies ReadyMessage);
  return address;
}
