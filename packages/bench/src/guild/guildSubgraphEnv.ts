import { guildEnvPrefix } from './guildBff.js';

/** Where the `guild-subgraphs` target serves its request counts, beside the subgraphs' own URLs. */
export const guildControlName = 'control';

/**
 * The `BFF_SUBGRAPH_<NAME>_URL` keys that point a gateway at the subgraphs a `guild-subgraphs`
 * target printed (its control port left out).
 */
export function guildSubgraphEnv(ready: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(ready)
      .filter(([name]) => name !== guildControlName)
      .map(([name, url]) => [`${guildEnvPrefix}SUBGRAPH_${name.toUpperCase()}_URL`, url]),
  );
}
