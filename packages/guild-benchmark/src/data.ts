// The benchmark's seed data, value for value as in the Rust subgraphs of
// graphql-hive/graphql-gateways-benchmark (federation/subgraphs/*/subgraph.rs). It never changes,
// which is what lets the servers memoise whole responses.

/** A user of the accounts subgraph. */
export interface GuildUser {
  readonly id: string;
  readonly name: string | null;
  readonly username: string | null;
  readonly birthday: number | null;
}

/** A product of the products subgraph. */
export interface GuildProduct {
  readonly upc: string;
  readonly name: string | null;
  /** Price in cents. */
  readonly price: number | null;
  readonly weight: number | null;
}

/** What the inventory subgraph stores of a product. */
export interface GuildInventoryItem {
  readonly upc: string;
  readonly inStock: boolean | null;
}

/** A review of the reviews subgraph: what it says and about which product. */
export interface GuildReview {
  readonly id: string;
  readonly body: string | null;
  readonly productUpc: string | null;
}

const birthday = 1234567890;

/** The accounts subgraph's users; `me` is the first. */
export const guildUsers: readonly GuildUser[] = [
  { id: '1', name: 'Uri Goldshtein', username: 'urigo', birthday },
  { id: '2', name: 'Dotan Simha', username: 'dotansimha', birthday },
  { id: '3', name: 'Kamil Kisiela', username: 'kamilkisiela', birthday },
  { id: '4', name: 'Arda Tanrikulu', username: 'ardatan', birthday },
  { id: '5', name: 'Gil Gardosh', username: 'gilgardosh', birthday },
  { id: '6', name: 'Laurin Quast', username: 'laurin', birthday },
];

/** The products subgraph's catalogue, in `topProducts` order. */
export const guildProducts: readonly GuildProduct[] = [
  { upc: '1', name: 'Table', price: 899, weight: 100 },
  { upc: '2', name: 'Couch', price: 1299, weight: 1000 },
  { upc: '3', name: 'Glass', price: 15, weight: 20 },
  { upc: '4', name: 'Chair', price: 499, weight: 100 },
  { upc: '5', name: 'TV', price: 1299, weight: 1000 },
  { upc: '6', name: 'Lamp', price: 6999, weight: 300 },
  { upc: '7', name: 'Grill', price: 3999, weight: 2000 },
  { upc: '8', name: 'Fridge', price: 100000, weight: 6000 },
  { upc: '9', name: 'Sofa', price: 9999, weight: 800 },
];

/** The inventory subgraph's stock, by upc. */
export const guildInventory: readonly GuildInventoryItem[] = [
  { upc: '1', inStock: true },
  { upc: '2', inStock: false },
  { upc: '3', inStock: false },
  { upc: '4', inStock: false },
  { upc: '5', inStock: true },
  { upc: '6', inStock: true },
  { upc: '7', inStock: true },
  { upc: '8', inStock: false },
  { upc: '9', inStock: true },
];

/* eslint-disable local/max-line-length -- each review body one string, to compare with the Rust subgraphs' */
const loremIpsum =
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.';
const sedUt =
  'Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium doloremque laudantium, totam rem aperiam, eaque ipsa quae ab illo inventore veritatis et quasi architecto beatae vitae dicta sunt explicabo. Nemo enim ipsam voluptatem quia voluptas sit aspernatur aut odit aut fugi';
const sedQuia =
  'sed quia consequuntur magni dolores eos qui ratione voluptatem sequi nesciunt. Neque porro quisquam est, qui dolorem ipsum quia dolor sit amet, consectetur, adipisci velit, sed quia non numquam eius modi tempora incidunt ut labore et dolore magnam aliquam quaerat voluptatem.';
const utEnim =
  'Ut enim ad minima veniam, quis nostrum exercitationem ullam corporis suscipit laboriosam, nisi ut aliquid ex ea commodi consequatur? Quis autem';
const atVero =
  'At vero eos et accusamus et iusto odio dignissimos ducimus qui blanditiis praesentium voluptatum deleniti atque corrupti quos dolores et quas molestias excepturi sint occaecati cupiditate non provident, similique sunt in culpa qui officia deserunt mollitia animi, id est laborum et dolorum fuga. Et harum quidem rerum facilis est et expedita distinctio. Nam libero tempore, cum soluta nobis est eligendi optio cumque nihil impedit quo minus id quod maxime placeat facere possimus, omnis voluptas assumenda est, omnis dolor repellendus. Temporibus autem quibusdam et aut officiis debitis aut rerum necessitatibus saepe eveniet ut et voluptates repudiandae sint et molestiae non recusandae. Itaque earum rerum hic tenetur a sapiente delectus, ut aut reiciendis voluptatibus maiores alias consequatur aut perferendis doloribus asperiores repellat.';

/* eslint-enable local/max-line-length */

/** The reviews subgraph's reviews. */
export const guildReviews: readonly GuildReview[] = [
  { id: '1', body: loremIpsum, productUpc: '1' },
  { id: '2', body: sedUt, productUpc: '1' },
  { id: '3', body: sedQuia, productUpc: '1' },
  { id: '4', body: utEnim, productUpc: '1' },
  { id: '5', body: loremIpsum, productUpc: '2' },
  { id: '6', body: sedUt, productUpc: '2' },
  { id: '7', body: sedQuia, productUpc: '2' },
  { id: '8', body: utEnim, productUpc: '2' },
  { id: '9', body: utEnim, productUpc: '3' },
  { id: '10', body: utEnim, productUpc: '4' },
  { id: '11', body: atVero, productUpc: '4' },
];
