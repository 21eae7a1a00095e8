import type { Comparison } from './compareVariants.js';
import { measureLoad } from './measureThroughput.js';

/** A list fanning out to reviews, accounts (REST, batched), products and inventory (REST, one call per upc). */
export const fanOutDocument = {
  query: /* GraphQL */ `
    query LatestReviews {
      latestReviews(first: 20) { id rating author { username name } product { name price stock } }
    }
  `,
};

/** Pooled keep-alive connections and shared in-flight fetches, against neither. */
export function poolingAndDedupe(urls: { plain: string; pooled: string }): Comparison {
  return {
    name: 'keep-alive pool + shared in-flight fetches, 20-review fan-out (20 connections)',
    baseline: {
      label: 'no keep-alive, no sharing',
      load: () => ({ url: urls.plain, body: fanOutDocument, connections: 20 }),
    },
    variant: {
      label: 'keep-alive, sharing',
      load: () => ({ url: urls.pooled, body: fanOutDocument, connections: 20 }),
    },
    target: { atLeast: 1, says: 'pooling and sharing never cost throughput' },
  };
}

/** Downstream calls per operation under the same load: counted at the services. */
export async function callsPerOperation(url: string, controlUrl: string): Promise<Record<string, number>> {
  await fetch(controlUrl, { method: 'POST' });
  const { requests } = await measureLoad({ url, body: fanOutDocument, connections: 20, durationSeconds: 3 });
  const counts = (await (await fetch(controlUrl)).json()) as Record<string, number>;
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const entries: [string, number][] = [...Object.entries(counts), ['total', total]];
  return Object.fromEntries(entries.map(([name, count]) => [name, count / requests]));
}
