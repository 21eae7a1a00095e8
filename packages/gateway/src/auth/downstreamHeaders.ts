import type { BffContext } from '../core/BffContext.js';
import { requestIdHeader } from '../core/requestId.js';
import { clientNameOf } from '../core/Viewer.js';
import { allIdentity, type IdentityScope } from '../downstream/identityScope.js';

/** The headers through which services learn who is asking. Only the gateway sets them. */
export const identityHeaders = {
  userId: 'x-user-id',
  /** Comma-separated; absent when the viewer has no role. */
  userRoles: 'x-user-roles',
  /** The token's client app, or the BFF's name. */
  clientName: 'x-client-name',
} as const;

/**
 * The headers a call to a service carries: the request id, and of the viewer as the BFF verified
 * it (never as a client claimed it: no client header is ever forwarded) the parts `scope` names.
 * An anonymous request carries the BFF's name as client and no user.
 */
export function downstreamHeaders(context: BffContext, scope: IdentityScope = allIdentity): Record<string, string> {
  const { viewer } = context;
  const headers: Record<string, string> = { [requestIdHeader]: context.requestId };
  if (scope.has('client')) headers[identityHeaders.clientName] = clientNameOf(viewer, context.bffName);
  if (viewer.kind === 'user') {
    if (scope.has('user')) headers[identityHeaders.userId] = viewer.id;
    if (scope.has('roles') && viewer.roles.length > 0) headers[identityHeaders.userRoles] = viewer.roles.join(',');
  }
  return headers;
}
