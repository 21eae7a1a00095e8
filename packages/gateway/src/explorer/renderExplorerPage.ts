/** What the explorer's page says to the browser code, beside where its files are. */
export interface ExplorerPageOptions {
  readonly bffName: string;
  /** This response's CSP nonce for run-time styles. */
  readonly styleNonce: string;
  /** Where GraphQL is served, e.g. '/graphql'. */
  readonly graphqlPath: string;
  /** Where development tokens are signed; undefined: the page offers none. */
  readonly tokenPath: string | undefined;
}

/** URL paths of the explorer, each also written relative to the page (so a proxy's path prefix keeps working). */
export const explorerPaths = { page: '/explorer', assets: '/explorer/assets/', token: '/explorer/token' } as const;

const htmlEntities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
// The pattern matches only the characters htmlEntities has.
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => htmlEntities[character] ?? character);

const relative = (path: string) => path.slice(1);

/**
 * The explorer's HTML: no inline script or style, only the bundle's files and data attributes
 * telling it where GraphQL, its files and the token endpoint are (paths relative to the page,
 * which is served at /explorer and /graphql alike).
 */
export function renderExplorerPage({ bffName, styleNonce, graphqlPath, tokenPath }: ExplorerPageOptions): string {
  const name = escapeHtml(bffName);
  const tokenAttribute = tokenPath === undefined ? '' : ` data-token-url="${escapeHtml(relative(tokenPath))}"`;
  const dataAttributes =
    `data-bff-name="${name}" data-graphql-url="${escapeHtml(relative(graphqlPath))}" ` +
    `data-assets-url="${relative(explorerPaths.assets)}"${tokenAttribute}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="csp-nonce" nonce="${styleNonce}">
<title>${name} BFF · GraphQL explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${relative(explorerPaths.assets)}explorer.css">
<script defer src="${relative(explorerPaths.assets)}explorer.js"></script>
</head>
<body>
<div id="explorer" ${dataAttributes}>
<noscript>The ${name} BFF's GraphQL explorer needs JavaScript.</noscript>
</div>
</body>
</html>
`;
}
