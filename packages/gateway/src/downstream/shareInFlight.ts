/**
 * Shares one in-flight call among everyone who asks for the same key while it runs. Callers
 * change what they get (the gateway merges it, the rules null parts of it), so all but one get
 * their own copy: callers resume one after another once the call settles, each copies before
 * the next resumes, and the last one takes the original.
 */
export function shareInFlight<T>(copy: (value: T) => T): (key: string, run: () => Promise<T>) => Promise<T> {
  const inFlight = new Map<string, { promise: Promise<T>; waiting: number }>();
  return async (key, run) => {
    let entry = inFlight.get(key);
    if (entry) entry.waiting += 1;
    else {
      // Removed as the call settles, before any caller resumes: nobody joins a settled call.
      entry = { promise: run().finally(() => inFlight.delete(key)), waiting: 1 };
      inFlight.set(key, entry);
    }
    const value = await entry.promise;
    entry.waiting -= 1;
    return entry.waiting > 0 ? copy(value) : value;
  };
}
