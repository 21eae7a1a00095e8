/**
 * Shares one in-flight call among everyone who asks for the same key while it runs. Each
 * caller after the first gets its own copy, because callers go on to change what they got
 * (the gateway merges it, the rules null parts of it).
 */
export function shareInFlight<T>(copy: (value: T) => T): (key: string, run: () => Promise<T>) => Promise<T> {
  const inFlight = new Map<string, { promise: Promise<T>; consumers: number }>();
  return async (key, run) => {
    let entry = inFlight.get(key);
    if (entry) entry.consumers += 1;
    else {
      entry = { promise: run().finally(() => inFlight.delete(key)), consumers: 1 };
      inFlight.set(key, entry);
    }
    const value = await entry.promise;
    return entry.consumers > 1 ? copy(value) : value;
  };
}
