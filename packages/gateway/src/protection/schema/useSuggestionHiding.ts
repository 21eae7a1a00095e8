import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { BffContext } from '../../core/BffContext.js';

/** graphql-js ends a message with its suggestions: ` Did you mean "productPage"?`. */
const suggestion = / ?Did you mean .+\?$/;

/**
 * Takes "Did you mean …?" out of every error message (validation, and variables' enum values
 * too), so names of the schema do not leak to a client that guesses. On in production.
 */
export function useSuggestionHiding(): ApolloServerPlugin<BffContext> {
  const listener: GraphQLRequestListener<BffContext> = {
    didEncounterErrors({ errors }) {
      for (const error of errors) error.message = error.message.replace(suggestion, '');
    },
  };
  return { requestDidStart: () => listener };
}
