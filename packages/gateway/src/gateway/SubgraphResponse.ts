import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';

/**
 * A subgraph's answer as the kit's data sources give it: with the Cache-Control it came with
 * (a remote subgraph's header, an in-process subgraph's own), which the entity cache keeps
 * answers by. @apollo/gateway's executor ignores the extra key.
 */
export interface SubgraphResponse extends GatewayGraphQLResponse {
  readonly cacheControl?: string | null;
}

/** The Cache-Control an answer came with; null when its data source did not say. */
export function cacheControlOf(response: GatewayGraphQLResponse): string | null {
  return (response as SubgraphResponse).cacheControl ?? null;
}
