/** Who the Authorization header in the Headers editor says the viewer is: read, never verified (the BFF verifies). */
export type HeaderViewer =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'user';
      readonly subject: string;
      readonly roles: readonly string[];
      readonly expiresAt: Date | undefined;
    }
  | { readonly kind: 'unreadable' };

/**
 * The Headers editor's text as an object; undefined while it is not a JSON object (being typed). Empty text is no
 * headers.
 */
export function parseHeaders(text: string): Record<string, unknown> | undefined {
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const isAuthorization = (name: string) => name.toLowerCase() === 'authorization';

/**
 * The headers text with `Authorization: Bearer <token>` in place of any Authorization header
 * (whatever its case), or with none when `token` is undefined; every other header kept.
 * Undefined when the text is not a JSON object.
 */
export function withBearerToken(text: string, token: string | undefined): string | undefined {
  const headers = parseHeaders(text);
  if (headers === undefined) return undefined;
  const others = Object.entries(headers).filter(([name]) => !isAuthorization(name));
  return JSON.stringify(
    Object.fromEntries(token === undefined ? others : [['Authorization', `Bearer ${token}`], ...others]),
    null,
    2,
  );
}

/** The viewer a headers text names: anonymous without Authorization, else what its bearer token's claims say. */
export function readViewer(text: string): HeaderViewer {
  const headers = parseHeaders(text) ?? {};
  const value = Object.entries(headers).find(([name]) => isAuthorization(name))?.[1];
  if (value === undefined) return { kind: 'anonymous' };
  const payload = typeof value === 'string' ? /^Bearer\s+[^.]+\.([^.]+)\.[^.]*$/i.exec(value.trim())?.[1] : undefined;
  if (payload === undefined) return { kind: 'unreadable' };
  try {
    const claims = JSON.parse(atob(payload.replaceAll('-', '+').replaceAll('_', '/'))) as Record<string, unknown>;
    const { sub, roles, exp } = claims;
    if (typeof sub !== 'string') return { kind: 'unreadable' };
    return {
      kind: 'user',
      subject: sub,
      roles: Array.isArray(roles)
        ? roles.map(String)
        : typeof roles === 'string'
          ? roles.split(' ').filter(Boolean)
          : [],
      expiresAt: typeof exp === 'number' ? new Date(exp * 1000) : undefined,
    };
  } catch {
    return { kind: 'unreadable' };
  }
}
