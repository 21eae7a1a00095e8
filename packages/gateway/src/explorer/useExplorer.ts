import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import type { AuthConfig } from '../auth/readAuthConfig.js';
import { replyWithNotFound } from '../core/replyWithHttpError.js';
import { buildExplorerBundle, type ExplorerBundle } from './buildExplorerBundle.js';
import { explorerContentSecurityPolicy } from './contentSecurityPolicy.js';
import { prefersHtml } from './prefersHtml.js';
import { explorerPaths, renderExplorerPage } from './renderExplorerPage.js';
import { useDevelopmentTokens } from './useDevelopmentTokens.js';

/** How a BFF serves its schema explorer. */
export interface ExplorerOptions {
  /** The BFF's name, e.g. 'web': the page's title, and the client app of its development tokens. */
  readonly bffName: string;
  /**
   * Signs development tokens with this (its development secret) when set; never set it in production.
   * @default none: no token button
   */
  readonly developmentTokens?: AuthConfig;
  /** Where GraphQL is served; browsers asking there for HTML get the explorer. @default '/graphql' */
  readonly graphqlPath?: string;
}

const securityHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

/**
 * The schema explorer: GraphiQL, bundled from npm and served by the BFF itself (works offline),
 * at GET /explorer and at GET /graphql for browsers (Accept prefers text/html), its files under
 * /explorer/assets/, and in development POST /explorer/token for the token button. The page
 * runs under a CSP that allows its own origin only; operations go to /graphql as JSON, so
 * Apollo's CSRF prevention stays on. The bundle is built (or read from its cache) on the first
 * request for a file, once per server.
 */
export function useExplorer(http: FastifyInstance, options: ExplorerOptions): void {
  const graphqlPath = options.graphqlPath ?? '/graphql';
  const loadBundle = () =>
    buildExplorerBundle({
      onCacheError: (error) => http.log.warn(`explorer bundle not cached (served from memory): ${error.message}`),
    });
  const tokenPath = options.developmentTokens ? explorerPaths.token : undefined;
  let bundle: Promise<ExplorerBundle> | undefined;

  const replyWithPage = (reply: FastifyReply) => {
    const styleNonce = randomBytes(16).toString('base64');
    return reply
      .headers({
        ...securityHeaders,
        'content-security-policy': explorerContentSecurityPolicy(styleNonce),
        'cache-control': 'no-store',
        'x-frame-options': 'DENY',
      })
      .type('text/html; charset=utf-8')
      .send(renderExplorerPage({ bffName: options.bffName, styleNonce, graphqlPath, tokenPath }));
  };
  const replyWithAsset = async (request: FastifyRequest<{ Params: { file: string } }>, reply: FastifyReply) => {
    bundle ??= loadBundle().catch((error: unknown) => {
      bundle = undefined;
      throw error;
    });
    const asset = (await bundle).assets.get(request.params.file);
    if (!asset) return replyWithNotFound(request, reply);
    reply.headers({
      ...securityHeaders,
      'content-security-policy': explorerContentSecurityPolicy(),
      'cache-control': 'no-cache',
      etag: asset.etag,
      vary: 'accept-encoding',
    });
    if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
    reply.type(asset.contentType);
    if (!/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return reply.send(asset.body);
    return reply.header('content-encoding', 'gzip').send(asset.gzipped);
  };

  http.addHook('onRequest', (request, reply, done) => {
    if (request.method === 'GET' && request.routeOptions.url === graphqlPath && prefersHtml(request.headers.accept))
      return void replyWithPage(reply);
    done();
  });
  http.get(explorerPaths.page, async (_request, reply) => replyWithPage(reply));
  http.get<{ Params: { file: string } }>(`${explorerPaths.assets}:file`, replyWithAsset);
  if (options.developmentTokens)
    useDevelopmentTokens(http, options.developmentTokens, { path: explorerPaths.token, clientId: options.bffName });
}
