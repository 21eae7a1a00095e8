/** The environment key of a service's response delay: `REVIEWS_RESPONSE_DELAY_MS` for `reviews`. */
export function responseDelayKey(serviceName: string): string {
  return `${serviceName.toUpperCase()}_RESPONSE_DELAY_MS`;
}

/**
 * Reads `<NAME>_RESPONSE_DELAY_MS`, the milliseconds a service waits before answering (a benchmark's
 * slow service): 0 when unset or empty, else an integer from 0 to 999999999; throws a RangeError
 * naming the key and the value otherwise.
 */
export function readResponseDelay(serviceName: string, env: NodeJS.ProcessEnv): number {
  const key = responseDelayKey(serviceName);
  const raw = env[key];
  if (raw === undefined || raw === '') return 0;
  // Strict: `Number()` alone would take '1e3', ' 200' and '0x10'.
  if (!/^\d{1,9}$/.test(raw)) {
    throw new RangeError(`${key} must be an integer of milliseconds from 0 to 999999999, but got: '${raw}'`);
  }
  return Number(raw);
}
