/** Who is asking, as the BFF verified it. Services learn it only from the headers the BFF sets. */
export type Viewer = AnonymousViewer | UserViewer;

/** No token was sent. */
export interface AnonymousViewer {
  readonly kind: 'anonymous';
}

/** A verified token's subject and grants. */
export interface UserViewer {
  readonly kind: 'user';
  /** The token's `sub`. */
  readonly id: string;
  /** From the `roles` claim (array or space-separated string), e.g. ['customer'] or ['staff']. */
  readonly roles: readonly string[];
  /** From `scope` (space-separated) or `scp` (array). */
  readonly scopes: readonly string[];
  /** The client app the token was issued to: `azp`, else `client_id`. */
  readonly clientId: string | undefined;
}

/** The viewer of a request without a token. */
export const anonymousViewer: AnonymousViewer = Object.freeze({ kind: 'anonymous' });

/** The client app a request comes from: the token's client (`azp`), else the BFF's own name. */
export function clientNameOf(viewer: Viewer, bffName: string): string {
  return (viewer.kind === 'user' && viewer.clientId) || bffName;
}

/** Who a per-viewer limit counts: `user:<sub>` for a verified user, `ip:<address>` for an anonymous request. */
export function viewerKeyOf(viewer: Viewer, ip: string | undefined): string {
  return viewer.kind === 'user' ? `user:${viewer.id}` : `ip:${ip ?? 'unknown'}`;
}
