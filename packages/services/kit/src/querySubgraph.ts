// Test-only: reached through '@bff/service-kit/testing', never from the kit's runtime entry.
import { subgraphPath } from './createSubgraphApp.js';

/** A GraphQL response body as a subgraph test reads it. */
export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** What one GraphQL request to a subgraph answered. */
export interface GraphQLResult {
  status: number;
  body: GraphQLBody;
}

/**
 * POSTs `{ query, variables }` as JSON to the subgraph that `createSubgraphApp` serves at
 * `baseUrl` (e.g. a test server's url, without `/graphql`).
 */
export async function querySubgraph(
  baseUrl: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResult> {
  const res = await fetch(`${baseUrl}${subgraphPath}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as GraphQLBody };
}

/**
 * Resolves entities by representation, as the gateway does, selecting `selection` (e.g.
 * `... on Product { upc }`) on each; the result is in `body.data._entities`.
 */
export function queryEntities(
  baseUrl: string,
  representations: Record<string, unknown>[],
  selection: string,
): Promise<GraphQLResult> {
  return querySubgraph(
    baseUrl,
    /* GraphQL */ `query ($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`,
    { representations },
  );
}
