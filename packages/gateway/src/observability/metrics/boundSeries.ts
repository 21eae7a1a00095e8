/** One level of the lookup: a label's values, each to the next level or, at the last label, to its series. */
type Level = Map<string | undefined, unknown>;

/**
 * A metric's series, each bound to its labels on first use and kept: prom-client hashes an
 * unbound label object on every inc or observe, and one request records a dozen. The series exist
 * in the registry anyway, so keeping their bound handles adds no series. Looked up one label value
 * at a time (a Map per label), so a lookup builds no key: a value (an operation name a client
 * sent) may hold any character, and a key joined from the values took ~8 µs a page to build.
 */
export function boundSeries<S>(
  labelNames: readonly string[],
  bind: (labels: Record<string, string>) => S,
): (labels: Record<string, string>) => S {
  const root: Level = new Map();
  const last = labelNames.length - 1;
  const lastName = labelNames[last];
  let unlabelled: S | undefined;
  return (labels) => {
    if (lastName === undefined) return (unlabelled ??= bind(labels));
    let level = root;
    for (let index = 0; index < last; index += 1) {
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- hot path, and index < last is in bounds
      const value = labels[labelNames[index]!];
      let next = level.get(value) as Level | undefined;
      if (next === undefined) level.set(value, (next = new Map()));
      level = next;
    }
    const value = labels[lastName];
    let series = level.get(value) as S | undefined;
    if (series === undefined) level.set(value, (series = bind(labels)));
    return series;
  };
}
