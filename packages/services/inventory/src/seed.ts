import { createRandom, productUpcs } from '@bff/service-kit';

/** How long and how much shipping one unit of a product takes. */
export interface ShippingEstimate {
  /** Days until delivery; longer when out of stock (restock time included). */
  days: number;
  /** Shipping cost in cents; 0 means free shipping. */
  costCents: number;
}

/** Stock of one product, as `GET /inventory/:upc` returns it. */
export interface InventoryItem {
  upc: string;
  /** Units on hand, 0..500; about one product in ten has none. */
  stock: number;
  /** `stock > 0`. */
  inStock: boolean;
  shippingEstimate: ShippingEstimate;
}

/** The seed the service uses unless told otherwise. */
export const defaultInventorySeed = 0x1ee7;

const shippingCosts = [0, 0, 299, 499, 799, 999, 1499] as const;

/** One item per product upc, in upc order; a pure function of the seed. */
export function seedInventory(seed: number = defaultInventorySeed): InventoryItem[] {
  const random = createRandom(seed);
  return productUpcs().map((upc) => {
    const stock = random.next() < 0.1 ? 0 : random.int(1, 500);
    const days = stock > 0 ? random.int(1, 7) : random.int(14, 30);
    return { upc, stock, inStock: stock > 0, shippingEstimate: { days, costCents: random.pick(shippingCosts) } };
  });
}
