/**
 * `source` with `transform` applied to each value, in order. Not an async generator: a generator's return() waits
 * for the next() it is suspended in (for a subscription, the next event, which may never come), while this one's
 * return() ends the source at once, a pending next() with it.
 */
export function mapAsyncIterator<T, U>(
  source: AsyncIterator<T>,
  transform: (value: T) => U | Promise<U>,
): AsyncIterableIterator<U, undefined> {
  const done: IteratorReturnResult<undefined> = { value: undefined, done: true };
  const mapped: AsyncIterableIterator<U, undefined> = {
    async next() {
      const result = await source.next();
      return result.done ? done : { value: await transform(result.value), done: false };
    },
    async return() {
      await source.return?.();
      return done;
    },
    [Symbol.asyncIterator]: () => mapped,
  };
  return mapped;
}
