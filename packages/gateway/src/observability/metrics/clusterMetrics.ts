import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

/** One registry's metrics as getMetricsAsJSON gives them. */
type MetricJson = Awaited<ReturnType<Registry['getMetricsAsJSON']>>[number];

/**
 * With `<P>WORKERS` above 1 the port is shared and a scrape reaches one worker at random; these
 * messages let that worker answer for all of them: it asks the primary, the primary collects
 * every ready worker's metrics and sums them (prom-client's cluster aggregation: counters and
 * histograms add up, default process metrics as prom-client says per metric).
 */
interface ScrapeRequest {
  readonly bffMetrics: 'scrape';
  readonly id: number;
}
interface CollectRequest {
  readonly bffMetrics: 'collect';
  readonly id: number;
}
interface CollectAnswer {
  readonly bffMetrics: 'collected';
  readonly id: number;
  readonly metrics: MetricJson[];
}
interface ScrapeAnswer {
  readonly bffMetrics: 'scraped';
  readonly id: number;
  readonly text?: string;
  readonly error?: string;
}
type MetricsMessage = ScrapeRequest | CollectRequest | CollectAnswer | ScrapeAnswer;

const metricsMessage = (message: unknown): MetricsMessage | undefined =>
  typeof (message as MetricsMessage | null)?.bffMetrics === 'string' ? (message as MetricsMessage) : undefined;

/** How long the primary waits for the workers' parts, and a worker for the primary's sum. */
const collectTimeoutMs = 3_000;

/**
 * In the primary: answers a worker's scrape with the sum of every ready worker's metrics. A
 * worker that does not answer within the timeout (stuck, or dying) is left out of that scrape.
 */
export function answerScrapesForWorkers(readyWorkers: () => readonly Worker[]): void {
  let nextCollection = 0;
  const collections = new Map<number, { parts: MetricJson[][]; waiting: number; finish: () => void }>();
  cluster.on('message', (worker, raw: unknown) => {
    const message = metricsMessage(raw);
    if (message?.bffMetrics === 'collected') {
      const collection = collections.get(message.id);
      if (!collection) return;
      collection.parts.push(message.metrics);
      collection.waiting -= 1;
      if (collection.waiting === 0) collection.finish();
      return;
    }
    if (message?.bffMetrics !== 'scrape') return;
    const id = (nextCollection += 1);
    const workers = readyWorkers().filter((candidate) => candidate.isConnected());
    const parts: MetricJson[][] = [];
    const finish = () => {
      clearTimeout(timer);
      collections.delete(id);
      const answer = (reply: Omit<ScrapeAnswer, 'bffMetrics' | 'id'>) =>
        worker.isConnected() && worker.send({ bffMetrics: 'scraped', id: message.id, ...reply } satisfies ScrapeAnswer);
      AggregatorRegistry.aggregate(parts)
        .metrics()
        .then(
          (text) => answer({ text }),
          (error: unknown) => answer({ error: error instanceof Error ? error.message : String(error) }),
        );
    };
    const timer = setTimeout(finish, collectTimeoutMs);
    collections.set(id, { parts, waiting: workers.length, finish });
    for (const each of workers) each.send({ bffMetrics: 'collect', id } satisfies CollectRequest);
    if (workers.length === 0) finish();
  });
}

/**
 * In a worker: hands `registry`'s metrics to the primary when it collects, and returns what
 * /metrics answers, the sum over every worker. Outside a cluster it is the registry's own text.
 */
export function clusterScrape(registry: Registry): () => Promise<string> {
  if (!cluster.isWorker) return () => registry.metrics();
  let nextScrape = 0;
  const scrapes = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();
  process.on('message', (raw: unknown) => {
    const message = metricsMessage(raw);
    if (message?.bffMetrics === 'collect') {
      // A collector that throws leaves this worker's part out of the sum; it must not crash the worker.
      void registry
        .getMetricsAsJSON()
        .catch(() => [])
        .then((metrics) =>
          process.send?.({ bffMetrics: 'collected', id: message.id, metrics } satisfies CollectAnswer),
        );
    } else if (message?.bffMetrics === 'scraped') {
      const scrape = scrapes.get(message.id);
      scrapes.delete(message.id);
      if (message.text !== undefined) scrape?.resolve(message.text);
      else scrape?.reject(new Error(`the primary could not sum the workers' metrics: ${String(message.error)}`));
    }
  });
  return () =>
    new Promise<string>((resolve, reject) => {
      const id = (nextScrape += 1);
      const timer = setTimeout(() => {
        scrapes.delete(id);
        reject(new Error(`the primary did not sum the workers' metrics within ${collectTimeoutMs * 2} ms`));
      }, collectTimeoutMs * 2);
      scrapes.set(id, {
        resolve: (text) => {
          clearTimeout(timer);
          resolve(text);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      process.send?.({ bffMetrics: 'scrape', id } satisfies ScrapeRequest);
    });
}
