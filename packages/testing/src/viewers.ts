import { signTestToken } from './signTestToken.js';
import type { ClientName } from './startTestBff.js';

/** The four viewers every access test asks as: no token, user 1, user 2 (another customer), staff. */
export type ViewerName = 'anonymous' | 'customer' | 'otherCustomer' | 'staff';

/** The Authorization header of each viewer for one BFF (none for the anonymous viewer). */
export function viewerHeaders(client: ClientName): Record<ViewerName, Record<string, string>> {
  const bearer = (sub: string, roles: string[]) => ({
    authorization: `Bearer ${signTestToken(client, { sub, roles })}`,
  });
  return {
    anonymous: {},
    customer: bearer('1', ['customer']),
    otherCustomer: bearer('2', ['customer']),
    staff: bearer('250', ['staff']),
  };
}
