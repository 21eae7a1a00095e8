const apiTypes = new Set(['application/json', 'application/graphql-response+json']);

/**
 * Whether an Accept header asks for a page rather than a GraphQL response: text/html with a
 * higher quality than JSON. A browser's navigation (`text/html,…,*\/*;q=0.8`) does; GraphQL
 * clients, `*\/*` (curl) and a tie do not.
 */
export function prefersHtml(accept: string | undefined): boolean {
  let html = 0;
  let api = 0;
  for (const range of (accept ?? '').toLowerCase().split(',')) {
    const [type = '', ...parameters] = range.split(';').map((part) => part.trim());
    const q = Number(parameters.find((parameter) => parameter.startsWith('q='))?.slice(2) ?? 1);
    if (!(q >= 0 && q <= 1)) continue;
    if (type === 'text/html') html = Math.max(html, q);
    else if (apiTypes.has(type)) api = Math.max(api, q);
  }
  return html > api;
}
