/**
 * The arguments a resolver received, as JSON with sorted keys: an omitted argument is absent, an
 * explicit null is `null`, so a fixture's answer shows what the gateway forwarded.
 */
export function describeArguments(args: Record<string, unknown>): string {
  return JSON.stringify(args, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}
