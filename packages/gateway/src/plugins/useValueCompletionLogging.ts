import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { BffContext } from '../core/BffContext.js';

/**
 * @apollo/gateway reports nullability it had to repair (an entity a subgraph says does not
 * exist, under a non-null field) as `extensions.valueCompletion`. Those are messages about the
 * supergraph, not the client's request: they go to the debug log with the request id, and the
 * client gets the data GraphQL's null propagation left.
 */
export function useValueCompletionLogging(): ApolloServerPlugin<BffContext> {
  // One listener for every request, and synchronous: Apollo Server awaits only hooks that return a promise (see the
  // patch).
  const listener: GraphQLRequestListener<BffContext> = {
    willSendResponse({ response, logger, contextValue }) {
      if (response.body.kind !== 'single') return;
      const extensions = response.body.singleResult.extensions;
      if (!extensions || !('valueCompletion' in extensions)) return;
      logger.debug(
        `request ${contextValue.requestId}: value completion ${JSON.stringify(extensions['valueCompletion'])}`,
      );
      const { valueCompletion: _hidden, ...rest } = extensions;
      response.body.singleResult.extensions = Object.keys(rest).length > 0 ? rest : undefined;
      if (response.body.singleResult.extensions === undefined) delete response.body.singleResult.extensions;
    },
  };
  return { requestDidStart: () => listener };
}
