import { z } from 'zod';

const httpUrl = z.url({ protocol: /^https?$/ });

/**
 * Collects `<prefix><KIND>_<NAME>_URL` variables (e.g. `WEB_BFF_SUBGRAPH_REVIEWS_URL`) into
 * URLs by lowercased name; a value that is not an http(s) URL is a problem, not an override.
 */
export function readUrlOverrides(env: NodeJS.ProcessEnv, prefix: string, kind: 'SUBGRAPH' | 'SERVICE', problems: string[]): Record<string, string> {
  const pattern = new RegExp(`^${prefix}${kind}_([A-Z0-9_]+)_URL$`);
  const overrides: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const name = pattern.exec(key)?.[1];
    if (name === undefined || value === undefined) continue;
    if (httpUrl.safeParse(value).success) overrides[name.toLowerCase()] = value;
    else problems.push(`${key} must be an http(s) URL, but got: '${value}'`);
  }
  return overrides;
}
