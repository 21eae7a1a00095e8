import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { createHash } from 'node:crypto';
import { print } from 'graphql';
import { withoutDeferDirectives } from '../../operation/deferredFragments.js';

/**
 * The request with its document's @defer directives removed, for what cannot defer: @apollo/gateway's own executor
 * (introspection, plans with data rewrites), which asserts on a deferred plan. @defer lets a server answer whole; the
 * answer is the same. A request without @defer is returned as it is.
 */
export function withoutDefer(requestContext: GatewayGraphQLRequestContext): GatewayGraphQLRequestContext {
  if (!requestContext.source.includes('@defer')) return requestContext;
  const document = withoutDeferDirectives(requestContext.document);
  if (document === requestContext.document) return requestContext;
  // The gateway caches its plans by queryHash: the rewritten document carries its own.
  const source = print(document);
  return { ...requestContext, document, source, queryHash: createHash('sha256').update(source).digest('hex') };
}
