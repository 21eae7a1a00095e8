/** Where Monaco (GraphiQL's editor) finds its workers, and the nonce its styles need. */
export interface MonacoSetupOptions {
  /** The folder the BFF serves the bundled workers from. */
  readonly assetsUrl: URL;
  /** The page's CSP nonce for <style> elements. */
  readonly styleNonce: string;
}

/** The worker bundle of each Monaco language; every other label gets the editor's own worker. */
const workerFiles: Readonly<Record<string, string>> = { graphql: 'graphql.worker.js', json: 'json.worker.js' };

/**
 * Runs Monaco's language services in workers served by the BFF (never a CDN), and lets the
 * <style> elements Monaco and GraphiQL's dialogs create at run time (theme colours, scroll
 * locks) pass the page's Content-Security-Policy: each gets the nonce of this response.
 * Call before GraphiQL renders.
 */
export function setupMonaco({ assetsUrl, styleNonce }: MonacoSetupOptions): void {
  (globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
    getWorker: (_workerId: string, label: string) =>
      new Worker(new URL(workerFiles[label] ?? 'editor.worker.js', assetsUrl), { name: label }),
  };
  // Only createElement's overload for obsolete tag names (<marquee>, …) is deprecated, not the method wrapped here.
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- see the line above
  const createElement = document.createElement.bind(document);
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
  document.createElement = (tagName: string, options?: ElementCreationOptions) => {
    const element = createElement(tagName, options);
    if (element instanceof HTMLStyleElement) element.nonce = styleNonce;
    return element;
  };
}
