const compactDollars = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});
const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** A price in cents as a small screen shows it: "$12.99" below $1,000, "$1.3K" from there. */
export function formatPriceLabel(cents: number): string {
  const amount = cents / 100;
  return amount < 1000 ? dollars.format(amount) : compactDollars.format(amount);
}
