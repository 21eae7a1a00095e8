import { Pool } from 'undici';
import { urlNamed } from './urlNamed.js';

/** The product page's fetches to remote services, as the query plan sends them for upc 100001. */
const reviewsFetch = JSON.stringify({
  query:
    /* GraphQL */ 'query ProductPage__reviews__1($representations:[_Any!]!){_entities(representations:$representations){...on Product{reviewCount averageRating reviews(first:10){id rating body author{__typename id}}}}}',
  variables: { representations: [{ __typename: 'Product', upc: '100001' }] },
  operationName: 'ProductPage__reviews__1',
});
const productsFetch = JSON.stringify({
  query:
    /* GraphQL */ 'query ProductPage__products__4($representations:[_Any!]!){_entities(representations:$representations){...on Product{price name}}}',
  variables: { representations: [{ __typename: 'Product', upc: '100001' }] },
  operationName: 'ProductPage__products__4',
});

/** One operation's downstream calls, made once per `once`, over connections that `close` ends. */
export interface DownstreamReplay {
  once(): Promise<void>;
  close(): Promise<void>;
}

interface ReviewsAnswer {
  readonly data: {
    readonly _entities: readonly { readonly reviews: readonly { readonly author: { readonly id: string } }[] }[];
  };
}

/**
 * The web product page's downstream calls made straight from the bench, one connection per
 * service, in the plan's order: reviews, products and inventory at once; accounts (the reviews'
 * authors, one batched call) once reviews answers. What a gateway that added nothing would
 * answer the page in; both gateways make these same calls.
 */
export function productPageDownstream(services: Record<string, string>): DownstreamReplay {
  const pools = new Map<string, Pool>();
  const call = async (url: string, body?: string): Promise<string> => {
    const { origin, pathname, search } = new URL(url);
    let pool = pools.get(origin);
    if (!pool) pools.set(origin, (pool = new Pool(origin, { connections: 1 })));
    const response = await pool.request(
      body
        ? { method: 'POST', path: pathname, headers: { 'content-type': 'application/json' }, body }
        : { method: 'GET', path: `${pathname}${search}` },
    );
    const text = await response.body.text();
    // A fast wrong answer must not count as the floor (the plan's documents are written out above).
    if (response.statusCode !== 200 || text.includes('"errors"'))
      throw new Error(`${url} answered ${response.statusCode}: ${text.slice(0, 300)}`);
    return text;
  };
  const reviews = urlNamed(services, 'reviews');
  const accounts = urlNamed(services, 'accounts');
  const products = urlNamed(services, 'products');
  const inventory = urlNamed(services, 'inventory');
  const once = async () => {
    await Promise.all([
      call(`${reviews}/graphql`, reviewsFetch).then((text) => {
        const [product] = (JSON.parse(text) as ReviewsAnswer).data._entities;
        if (!product) throw new Error(`${reviews}/graphql answered no entity for upc 100001: ${text.slice(0, 300)}`);
        const authors = product.reviews.map((review) => review.author.id);
        return call(`${accounts}/users?ids=${[...new Set(authors)].join(',')}`);
      }),
      call(`${products}/graphql`, productsFetch),
      call(`${inventory}/inventory/100001`),
    ]);
  };
  const close = async () => {
    await Promise.all([...pools.values()].map((pool) => pool.close()));
  };
  return { once, close };
}
