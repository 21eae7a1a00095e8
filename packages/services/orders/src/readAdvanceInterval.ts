/** The environment key of the orders' own advance interval, in milliseconds. */
export const advanceIntervalKey = 'ORDERS_ADVANCE_INTERVAL_MS';

/** Where the service publishes its status changes when run alone (main.ts): the BFFs' Redis. */
export const ordersRedisUrlKey = 'REDIS_URL';

/**
 * Reads ORDERS_ADVANCE_INTERVAL_MS: undefined when unset or empty (orders move only through the endpoint), else a
 * positive integer; throws a RangeError naming the key and the value otherwise.
 */
export function readAdvanceInterval(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env[advanceIntervalKey];
  if (raw === undefined || raw === '') return undefined;
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= 1)) {
    throw new RangeError(`${advanceIntervalKey} must be a positive integer of milliseconds, but got: '${raw}'`);
  }
  return value;
}
