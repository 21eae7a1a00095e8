/**
 * Per-request state keyed by the request's context object: made on first use, gone with the
 * request. DataLoader's README: "create a new DataLoader per request", so one viewer's cached
 * result is never served to another.
 */
export function perRequest<C extends object, T>(create: (context: C) => T): (context: C) => T {
  const byContext = new WeakMap<C, T>();
  return (context) => {
    let state = byContext.get(context);
    if (state === undefined) {
      state = create(context);
      byContext.set(context, state);
    }
    return state;
  };
}

