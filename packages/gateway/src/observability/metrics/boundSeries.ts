/**
 * A metric's series, each bound to its labels on first use and kept: prom-client hashes an
 * unbound label object on every inc or observe, and one request records a dozen. The series exist
 * in the registry anyway, so keeping their bound handles adds no series. Keyed by the values of
 * `labelNames` as JSON: a value (an operation name a client sent) may hold any character.
 */
export function boundSeries<S>(labelNames: readonly string[], bind: (labels: Record<string, string>) => S): (labels: Record<string, string>) => S {
  const bound = new Map<string, S>();
  return (labels) => {
    const key = JSON.stringify(labelNames.map((name) => labels[name]));
    let series = bound.get(key);
    if (series === undefined) bound.set(key, (series = bind(labels)));
    return series;
  };
}
