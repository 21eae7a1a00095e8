import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { BffContext } from '../core/BffContext.js';

/**
 * The request headers every GraphQL answer of a BFF depends on: the viewer comes from
 * Authorization alone (tokens in the query string are refused, and the client app is the
 * token's `azp`, so an anonymous answer depends on no other header), and Apollo Server picks the
 * Content-Type (application/graphql-response+json or application/json) from Accept.
 */
export const answerVaries = 'authorization, accept';

/**
 * Keeps a shared cache (a CDN in front of persisted-query GETs) from serving one viewer's answer
 * to another, as RFC 9111 §3.5 asks: a signed-in viewer's answer is `private` (its max-age
 * kept, for that viewer's own browser), and every answer says what it varies on, so an anonymous
 * `public` one is never served to a request that carries a token. Answers a rule was judged for
 * are made private by the rules layer; Apollo's cache-control plugin writes the header from the
 * resulting policy (`no-store` for an answer with errors).
 */
export function useCacheScope(): ApolloServerPlugin<BffContext> {
  // One listener for every request, and synchronous: Apollo Server awaits only hooks that return a promise (see the
  // patch).
  const listener: GraphQLRequestListener<BffContext> = {
    willSendResponse({ response }) {
      const vary = response.http.headers.get('vary');
      response.http.headers.set('vary', vary ? `${vary}, ${answerVaries}` : answerVaries);
    },
  };
  return {
    requestDidStart({ contextValue, overallCachePolicy }) {
      if (contextValue.viewer.kind !== 'anonymous') overallCachePolicy.restrict({ scope: 'PRIVATE' });
      return listener;
    },
  };
}
