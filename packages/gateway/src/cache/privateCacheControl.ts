/**
 * A response's Cache-Control made private to its viewer (RFC 9111 §5.2.2.7): `public` and
 * `s-maxage` go, `private` is added; the rest (max-age, no-store…) is kept, so the viewer's own
 * browser may still keep it. Absent, it becomes `private`, so no shared cache stores it heuristically.
 */
export function privateCacheControl(cacheControl: string | null | undefined): string {
  const directives = (cacheControl ?? '')
    .split(',')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '' && !/^(public|private|s-maxage=.*)$/i.test(directive));
  return ['private', ...directives].join(', ');
}
