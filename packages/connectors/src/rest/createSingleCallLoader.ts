import DataLoader from 'dataloader';
import pLimit from 'p-limit';

/**
 * A request's loader for a service without a batch endpoint: each distinct key is fetched once
 * (DataLoader deduplicates), at most `concurrency` at a time, and a failed key fails alone.
 */
export function createSingleCallLoader<V>(concurrency: number, fetchOne: (key: string) => Promise<V>): DataLoader<string, V> {
  const limit = pLimit(concurrency);
  return new DataLoader<string, V>((keys) => Promise.all(keys.map((key) => limit(() => fetchOne(key)).catch((error: Error) => error))));
}
