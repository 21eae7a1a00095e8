import { createRandom, productUpcs } from '@bff/service-kit';

/** A product as the products subgraph knows it. */
export interface Product {
  /** '100001'..'100240'. */
  upc: string;
  /** Adjective, material and noun, unique in the catalogue, e.g. 'Sleek Oak Lamp'. */
  name: string;
  /** Price in cents, 199..99999, always ending in 99. */
  price: number;
  /** Weight in grams, 50..20000. */
  weight: number;
  /** `/images/<upc>.jpg`. */
  imagePath: string;
  /** Rank weight for topProducts, 1..240, unique; higher is more popular. Not in the schema. */
  popularity: number;
  /** Unit cost in cents, 35% to 70% of the price: internal, for staff only. */
  cost: number;
  /** Who supplies it: internal, for staff only. */
  supplier: string;
}

/** The seed the service uses unless told otherwise. */
export const defaultProductsSeed = 0x9d0c;

const adjectives = [
  'Sleek',
  'Rustic',
  'Compact',
  'Deluxe',
  'Classic',
  'Modern',
  'Sturdy',
  'Handmade',
  'Vintage',
  'Portable',
] as const;
const materials = ['Oak', 'Steel', 'Cotton', 'Leather', 'Ceramic', 'Bamboo', 'Glass', 'Wool'] as const;
const nouns = [
  'Chair',
  'Lamp',
  'Table',
  'Backpack',
  'Mug',
  'Blanket',
  'Clock',
  'Shelf',
  'Vase',
  'Kettle',
  'Desk',
  'Bowl',
] as const;
const suppliers = [
  'Northwind Traders',
  'Contoso Manufacturing',
  'Fabrikam Goods',
  'Tailspin Supply',
  'Wide World Importers',
] as const;

/** Every product, in upc order; a pure function of the seed. */
export function seedProducts(seed: number = defaultProductsSeed): Product[] {
  const random = createRandom(seed);
  const upcs = productUpcs();
  // Drawing names from a shuffled list of all combinations makes every name unique.
  const names = random.shuffle(adjectives.flatMap((a) => materials.flatMap((m) => nouns.map((n) => `${a} ${m} ${n}`))));
  const popularity = random.shuffle(upcs.map((_, i) => i + 1));
  const products = upcs.map((upc, i) => ({
    upc,
    name: names[i] as string,
    price: random.int(1, 999) * 100 + 99,
    weight: random.int(50, 20000),
    imagePath: `/images/${upc}.jpg`,
    popularity: popularity[i] as number,
  }));
  // Internal fields draw from their own stream, so adding them left every public value unchanged.
  const internal = createRandom(seed ^ 0x5eed);
  return products.map((product) => ({
    ...product,
    cost: Math.round((product.price * internal.int(35, 70)) / 100),
    supplier: internal.pick(suppliers),
  }));
}
