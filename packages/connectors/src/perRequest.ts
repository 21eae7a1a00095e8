/**
 * Per-request state keyed by the request's context object: made on first use, gone with the
 * request. DataLoader's README: "create a new DataLoader per request", so one viewer's cached
 * result is never served to another.
 */
export function perRequest<T>(create: (context: object) => T): (context: object) => T {
  const byContext = new WeakMap<object, T>();
  return (context) => {
    let state = byContext.get(context);
    if (state === undefined) {
      state = create(context);
      byContext.set(context, state);
    }
    return state;
  };
}

/** The request id an in-process resolver forwards downstream, when the context has one. */
export function requestIdOf(context: object): string | undefined {
  const requestId = (context as { requestId?: unknown }).requestId;
  return typeof requestId === 'string' ? requestId : undefined;
}
