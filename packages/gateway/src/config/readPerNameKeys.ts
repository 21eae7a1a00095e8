import type { EnvKey } from '../core/envKey.js';

/**
 * Collects the variables that carry a name in their key, `<prefix><start><NAME><end>` (e.g.
 * `WEB_BFF_SUBGRAPH_REVIEWS_URL`, `WEB_BFF_TIMEOUT_REVIEWS_MS`), by lowercased name. A value
 * `key` rejects is a problem, not a setting.
 */
export function readPerNameKeys<T>(
  env: NodeJS.ProcessEnv,
  prefix: string,
  start: string,
  end: string,
  key: EnvKey<T>,
  problems: string[],
): Record<string, T> {
  const pattern = new RegExp(`^${prefix}${start}([A-Z0-9_]+)${end}$`);
  const values: Record<string, T> = {};
  for (const [name, raw] of Object.entries(env)) {
    const subject = pattern.exec(name)?.[1];
    if (subject === undefined || raw === undefined) continue;
    const parsed = key.schema.safeParse(raw);
    if (parsed.success) values[subject.toLowerCase()] = parsed.data;
    else problems.push(`${name} must ${key.mustBe}, but got: ${key.secret ? '[redacted]' : `'${raw}'`}`);
  }
  return values;
}
