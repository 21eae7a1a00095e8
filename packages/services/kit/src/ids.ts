// The id conventions every service agrees on, so a review's authorId is a user accounts knows
// and an order line's upc is a product the products service knows.

/** Number of users in accounts; ids are '1'..'300'. */
export const USER_COUNT = 300;
/** Number of products in products; upcs are '100001'..'100240'. */
export const PRODUCT_COUNT = 240;
/** Number of reviews in reviews; ids are '1'..'3000'. */
export const REVIEW_COUNT = 3000;

/** Every user id, in order: ['1', '2', …, '300']. */
export function userIds(): string[] {
  return Array.from({ length: USER_COUNT }, (_, i) => String(i + 1));
}

/** Every product upc, in order: ['100001', '100002', …, '100240']. */
export function productUpcs(): string[] {
  return Array.from({ length: PRODUCT_COUNT }, (_, i) => String(100001 + i));
}
