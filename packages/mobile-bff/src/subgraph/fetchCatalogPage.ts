import { DownstreamServiceError, downstreamHeaders, fetchJson, type BffContext, type BffKit } from '@bff/gateway';
import { GraphQLError } from 'graphql';

/** One page of the catalogue as the products subgraph pages it. */
export interface CatalogPage {
  edges: { cursor: string; node: { upc: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface CatalogResponse {
  data?: { products: CatalogPage } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const catalogPageQuery = /* GraphQL */ `
  query MobileFeedPage($first: Int!, $after: String) {
    products(first: $first, after: $after) {
      edges { cursor node { upc } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

/**
 * Asks the products subgraph for one page of upcs, over the BFF's pooled client and downstream
 * policies (timeout, deadline, retries, breaker). The feed's order and cursors are the
 * catalogue's own, so paging never skips or repeats a product. The call carries the request's id
 * and viewer, as every call to a service does.
 */
export async function fetchCatalogPage(
  kit: BffKit,
  first: number,
  after: string | null,
  context: BffContext,
): Promise<CatalogPage> {
  const url = kit.subgraphUrls['products'];
  if (!url) throw new DownstreamServiceError('products');
  const init = {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...downstreamHeaders(context) },
    body: JSON.stringify({ query: catalogPageQuery, variables: { first, after } }),
  };
  const response = await kit.downstream.call('products', context, { idempotent: true }, (signal) =>
    fetchJson(kit.fetch, url, init, signal),
  );
  const body = response.json as CatalogResponse;
  // The page size is checked before the call, so the catalogue can only refuse the cursor; the
  // message speaks of the feed, the API the phone knows.
  if (body.errors?.some((error) => error.extensions?.code === 'BAD_USER_INPUT')) {
    throw new GraphQLError(`feed(after:) must be a cursor returned by feed, but got: '${String(after)}'`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  if (!body.data?.products) throw new DownstreamServiceError('products');
  return body.data.products;
}
