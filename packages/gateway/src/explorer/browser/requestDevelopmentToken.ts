/** Who a development token is for. */
export interface DevelopmentTokenRequest {
  readonly sub: string;
  readonly roles: readonly string[];
}

/**
 * Asks the BFF (in development only) for a token signed with its development secret; throws
 * an Error with the BFF's own message when it refuses.
 */
export async function requestDevelopmentToken(url: URL, request: DevelopmentTokenRequest): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'omit',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  const body = (await response.json().catch(() => undefined)) as
    { token?: unknown; errors?: { message?: unknown }[] } | undefined;
  if (response.ok && typeof body?.token === 'string') return body.token;
  const message = body?.errors?.[0]?.message;
  throw new Error(typeof message === 'string' ? message : `The BFF answered HTTP ${response.status} without a token.`);
}
