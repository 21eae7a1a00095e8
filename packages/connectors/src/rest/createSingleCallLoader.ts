import DataLoader from 'dataloader';

/**
 * A request's loader for a service without a batch endpoint: each distinct key is fetched once
 * (DataLoader deduplicates), at most `concurrency` at a time, and a failed key fails alone.
 */
export function createSingleCallLoader<V>(
  concurrency: number,
  fetchOne: (key: string) => Promise<V>,
): DataLoader<string, V> {
  return new DataLoader<string, V>((keys) => mapAtMost(keys, concurrency, fetchOne));
}

/**
 * `fetchOne` of every key, `concurrency` workers taking the next key as each call settles; a
 * failed call's place holds its Error. Not p-limit: a limiter made per request by p-limit 7
 * defines accessor properties on a fresh function, which gives it a hidden class of its own in
 * V8's old space, and that keeps the whole request alive until a full mark-compact.
 */
async function mapAtMost<V>(
  keys: readonly string[],
  concurrency: number,
  fetchOne: (key: string) => Promise<V>,
): Promise<(V | Error)[]> {
  const results = new Array<V | Error>(keys.length);
  // One iterator for every worker: each takes the next key as it gets free.
  const remaining = keys.entries();
  const worker = async () => {
    for (const [index, key] of remaining) {
      try {
        results[index] = await fetchOne(key);
      } catch (error) {
        results[index] = error as Error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, keys.length) }, worker));
  return results;
}
