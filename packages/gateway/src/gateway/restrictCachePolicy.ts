/** The part of Apollo Server's cache policy a subgraph's answer may restrict. */
interface RestrictablePolicy {
  restrict(hint: { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE' }): void;
}

/**
 * Lets a subgraph's Cache-Control narrow the whole response's cache policy, as @apollo/gateway's
 * own data source does: no max-age means the answer must not be cached.
 */
export function restrictCachePolicy(policy: unknown, cacheControl: string | null): void {
  if (typeof (policy as RestrictablePolicy | undefined)?.restrict !== 'function') return;
  const directives = (cacheControl ?? '')
    .toLowerCase()
    .split(',')
    .map((part) => part.trim());
  const maxAge = Number(directives.find((directive) => directive.startsWith('max-age='))?.slice('max-age='.length));
  (policy as RestrictablePolicy).restrict({
    maxAge: Number.isFinite(maxAge) ? maxAge : 0,
    ...(directives.includes('private') && { scope: 'PRIVATE' }),
  });
}
