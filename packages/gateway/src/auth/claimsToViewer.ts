import { UnauthenticatedError } from '../errors/BffError.js';
import type { UserViewer } from '../core/Viewer.js';

/** The claims of a verified token, as jsonwebtoken returns them. */
export type TokenClaims = Readonly<Record<string, unknown>>;

// Identity travels on to services as headers (downstreamHeaders), so every value must be a
// header-safe token; roles and scopes are joined with commas, so they may not contain one.
const plainText = /^[\x21-\x7e]{1,256}$/;
const name = /^[\x21-\x2b\x2d-\x7e]{1,128}$/;

/**
 * The viewer a verified token describes: `sub` (required), `roles` (array or space-separated),
 * `scope` (space-separated) or `scp` (array or string), and the client app from `azp`, else
 * `client_id`. A claim of the wrong shape is UnauthenticatedError naming the claim.
 */
export function claimsToViewer(claims: TokenClaims): UserViewer {
  const sub = claims['sub'];
  if (sub === undefined || sub === '') throw new UnauthenticatedError('token has no subject (sub)');
  if (typeof sub !== 'string' || !plainText.test(sub))
    throw new UnauthenticatedError('token subject (sub) is malformed');
  const clientId = claims['azp'] ?? claims['client_id'];
  if (clientId !== undefined && (typeof clientId !== 'string' || !plainText.test(clientId))) {
    throw new UnauthenticatedError('token client (azp or client_id) is malformed');
  }
  return Object.freeze({
    kind: 'user',
    id: sub,
    roles: readNames(claims['roles'], 'roles'),
    scopes: readNames(claims['scope'] ?? claims['scp'], 'scope'),
    clientId,
  });
}

/** Reads a claim holding names, as an array or a space-separated string. */
function readNames(value: unknown, claim: string): readonly string[] {
  if (value === undefined) return Object.freeze([]);
  const names = typeof value === 'string' ? value.split(' ').filter((item) => item !== '') : value;
  if (!Array.isArray(names) || !names.every((item): item is string => typeof item === 'string' && name.test(item))) {
    throw new UnauthenticatedError(`token ${claim} claim is malformed`);
  }
  return Object.freeze([...names]);
}

/** What a development or test token says about its viewer. */
export interface ViewerClaimsOptions {
  readonly sub: string;
  /** @default [] */
  readonly roles?: readonly string[];
  /** @default [] */
  readonly scopes?: readonly string[];
  /** The client app, written as `azp`. @default none */
  readonly clientId?: string;
}

/** The claims claimsToViewer reads back as the given viewer: the inverse, for signing tokens. */
export function viewerClaims(options: ViewerClaimsOptions): Record<string, unknown> {
  return {
    sub: options.sub,
    roles: [...(options.roles ?? [])],
    ...(options.scopes?.length && { scope: options.scopes.join(' ') }),
    ...(options.clientId !== undefined && { azp: options.clientId }),
  };
}
