import { isIP } from 'node:net';
import { z } from 'zod';
import { listKey, type EnvKey } from '../core/envKey.js';

/** proxy-addr's (and so fastify's) names for the private ranges a proxy in the same cluster sits in. */
const rangeNames = ['loopback', 'linklocal', 'uniquelocal'];

/** An address, a CIDR range (`10.0.0.0/8`) or one of the range names. */
function isTrustedProxy(entry: string): boolean {
  if (rangeNames.includes(entry) || isIP(entry) !== 0) return true;
  const [address = '', bits = '', ...rest] = entry.split('/');
  const version = isIP(address);
  return rest.length === 0 && version !== 0 && /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

/**
 * The proxies whose X-Forwarded-For the BFF believes, e.g. `uniquelocal` or `10.0.0.0/8, 127.0.0.1`.
 * The client's address (per-IP rate limits, logs) is then the last one a trusted proxy added.
 */
export const trustedProxiesKey: EnvKey<readonly string[]> = {
  schema: listKey([]).schema.pipe(z.array(z.string().refine(isTrustedProxy))),
  mustBe: `be a comma-separated list of proxy addresses, CIDR ranges or ${rangeNames.join(', ')}`,
  defaultValue: [],
};
