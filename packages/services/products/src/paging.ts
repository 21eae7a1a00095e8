import { GraphQLError } from 'graphql';
import type { Product } from './seed.js';

/** Largest page `products(first:)` serves. */
export const maxPageSize = 100;

/** One page of the catalogue, shaped like the schema's ProductConnection. */
export interface ProductPage {
  edges: { cursor: string; node: Product }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** Opaque to clients, so the encoding can change; today it is the upc in base64. */
export function encodeCursor(upc: string): string {
  return Buffer.from(upc, 'utf8').toString('base64');
}

/** A GraphQL error the client caused, with the code Apollo uses for bad arguments. */
export function badUserInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** Checks a page size argument: an integer from 0 to {@link maxPageSize}. */
export function checkFirst(first: number): number {
  if (first < 0 || first > maxPageSize) {
    throw badUserInput(`first must be between 0 and ${maxPageSize}, but got: ${first}`);
  }
  return first;
}

/** Cuts `first` products after the cursor `after` out of the upc-ordered catalogue. */
export function pageProducts(
  catalogue: readonly Product[],
  indexByUpc: ReadonlyMap<string, number>,
  first: number,
  after: string | null | undefined,
): ProductPage {
  checkFirst(first);
  let start = 0;
  if (after != null) {
    const index = indexByUpc.get(Buffer.from(after, 'base64').toString('utf8'));
    // Re-encoding rejects strings that merely decode to a upc, so only our own cursors pass.
    if (index === undefined || encodeCursor(catalogue[index]?.upc ?? '') !== after) {
      throw badUserInput(`after must be a cursor returned by products, but got: '${after}'`);
    }
    start = index + 1;
  }
  const nodes = catalogue.slice(start, start + first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node.upc), node }));
  return {
    edges,
    pageInfo: { hasNextPage: start + nodes.length < catalogue.length, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: catalogue.length,
  };
}
