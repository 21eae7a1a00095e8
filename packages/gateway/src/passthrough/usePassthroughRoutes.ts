import type { Fetcher } from '@apollo/utils.fetcher';
import type { Logger } from '@apollo/utils.logger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { downstreamHeaders } from '../auth/downstreamHeaders.js';
import { identityScopeOf, type IdentityScope } from '../downstream/identityScope.js';
import { createRuleContext, createRuleJudge } from '../authorization/createRuleJudge.js';
import type { Downstream } from '../downstream/createDownstream.js';
import { DownstreamFailure } from '../downstream/DownstreamFailure.js';
import { BffErrorCode } from '../errors/BffError.js';
import { ConfigError } from '../errors/ConfigError.js';
import type { BffContext } from '../core/BffContext.js';
import { forwardedRequestHeaders, forwardedResponseHeaders } from './forwardedHeaders.js';
import { privateCacheControl } from '../cache/privateCacheControl.js';
import { allow } from 'graphql-shield';
import type { PassthroughRoute } from './PassthroughRoute.js';

/** What passthrough routes are served with. */
export interface PassthroughDependencies {
  readonly fetch: Fetcher;
  readonly downstream: Downstream;
  readonly serviceUrls: Readonly<Record<string, string>>;
  /** The identity headers each service receives (`<prefix>IDENTITY_<NAME>`). @default all, for every service */
  readonly identity?: Readonly<Record<string, IdentityScope>>;
  readonly logger: Logger;
  readonly bffName: string;
  readonly requestDeadlineMs: number;
}

const statusOfCode: Record<string, number> = {
  [BffErrorCode.DOWNSTREAM_TIMEOUT]: 504,
  [BffErrorCode.DOWNSTREAM_UNAVAILABLE]: 503,
  [BffErrorCode.DOWNSTREAM_SERVICE_ERROR]: 502,
};

/**
 * Serves each route by forwarding it to its REST service, through the same stages as GraphQL:
 * the authentication hook has set the viewer, the route's rule decides (403 FORBIDDEN before any
 * call), and the call goes through the service's downstream policy (timeout, deadline, retries for
 * GET/HEAD only, breaker). Hop-by-hop, credential and identity headers of the client never reach
 * the service; the BFF sets the identity headers. Bodies pass through as bytes.
 */
export function usePassthroughRoutes(
  http: FastifyInstance,
  routes: readonly PassthroughRoute[],
  dependencies: PassthroughDependencies,
): void {
  const problems: string[] = [];
  const served: { readonly route: PassthroughRoute; readonly serviceUrl: string }[] = [];
  for (const route of routes) {
    const serviceUrl = dependencies.serviceUrls[route.service];
    if (serviceUrl) served.push({ route, serviceUrl: serviceUrl.replace(/\/+$/, '') });
    else
      problems.push(
        `passthrough route ${route.path} names REST service '${route.service}', which has no URL configured`,
      );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const judge = createRuleJudge(dependencies.logger);
  void http.register(async (scope) => {
    // Bodies are forwarded untouched, whatever their type: parse nothing in this scope.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    for (const { route, serviceUrl } of served) {
      scope.route({
        method: [...route.methods],
        url: route.path,
        handler: (request, reply) => forward(route, serviceUrl, request, reply),
      });
    }
  });

  /** Answers `request` with what `route`'s service, at `serviceUrl` (no trailing slash), answers. */
  async function forward(route: PassthroughRoute, serviceUrl: string, request: FastifyRequest, reply: FastifyReply) {
    const context: BffContext = {
      requestId: request.id,
      bffName: dependencies.bffName,
      viewer: request.viewer,
      deadline: Date.now() + dependencies.requestDeadlineMs,
    };
    const params = request.params as Record<string, string>;
    const args = { params, query: request.query, method: request.method };
    const info = { fieldName: route.path, parentType: { name: request.method } } as unknown as GraphQLResolveInfo;
    const denied = await judge(
      route.rule,
      undefined,
      args,
      createRuleContext(context),
      info,
      `Not allowed to ${request.method} ${route.path}.`,
    );
    if (denied !== undefined)
      return reply.code(403).send({ errors: [{ message: denied, extensions: { code: BffErrorCode.FORBIDDEN } }] });

    const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    const path = route.target.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) =>
      encodeURIComponent(params[name] ?? ''),
    );
    const url = `${serviceUrl}${path}${search}`;
    const headers = {
      ...forwardedRequestHeaders(request.headers),
      ...downstreamHeaders(context, identityScopeOf(dependencies.identity ?? {}, route.service)),
    };
    const body = Buffer.isBuffer(request.body) && request.body.length > 0 ? request.body : undefined;
    const idempotent = request.method === 'GET' || request.method === 'HEAD';
    let answer: { readonly status: number; readonly headers: Headers; readonly body: Buffer };
    try {
      answer = await dependencies.downstream.call(route.service, context, { idempotent }, async (signal) => {
        const response = (await dependencies.fetch(url, {
          method: request.method,
          headers,
          ...(body && { body }),
          signal: signal.abortSignal,
        })) as unknown as Response;
        if (response.status >= 500 || response.status === 429) {
          await response.arrayBuffer().catch(() => undefined);
          throw DownstreamFailure.fromStatus(response.status, response.headers.get('retry-after'));
        }
        return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
      });
    } catch (error) {
      const code =
        error instanceof GraphQLError ? String(error.extensions['code']) : BffErrorCode.DOWNSTREAM_SERVICE_ERROR;
      const message = error instanceof GraphQLError ? error.message : 'The service failed to answer.';
      return reply
        .code(statusOfCode[code] ?? 502)
        .send({ errors: [{ message, extensions: { code, serviceName: route.service } }] });
    }
    const responseHeaders = forwardedResponseHeaders(answer.headers);
    // As for GraphQL (useCacheScope): an answer to a viewer, or one a rule decided, is no shared cache's to keep.
    if (request.viewer.kind !== 'anonymous' || route.rule !== allow)
      responseHeaders['cache-control'] = privateCacheControl(responseHeaders['cache-control']);
    responseHeaders['vary'] = responseHeaders['vary'] ? `${responseHeaders['vary']}, authorization` : 'authorization';
    return reply.code(answer.status).headers(responseHeaders).send(answer.body);
  }
}
