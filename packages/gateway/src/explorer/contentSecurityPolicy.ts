/**
 * The Content-Security-Policy of the explorer's page and files: everything from the page's own
 * origin and nothing else (no CDN, no inline or eval'd script, no framing, no form posts).
 *
 * Styles: <style> elements only with `styleNonce`, new on every page, which the style elements
 * Monaco and GraphiQL's dialogs create at run time get (theme colours, scroll locks). Style
 * *attributes* are allowed: Monaco, GraphiQL 5's editor, writes each line's position as a
 * style attribute in the HTML it renders and shows overlapping lines without them; an
 * attribute holds declarations only (no selectors, no script), and the only thing it could
 * fetch, an image or font, img-src and font-src keep to this origin. Fonts and GraphiQL's few
 * icons come inlined as data: URLs in the bundled CSS.
 */
export function explorerContentSecurityPolicy(styleNonce?: string): string {
  const styleElements = `'self'${styleNonce === undefined ? '' : ` 'nonce-${styleNonce}'`}`;
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src ${styleElements}`,
    `style-src-elem ${styleElements}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
