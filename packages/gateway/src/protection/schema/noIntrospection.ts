import { GraphQLError, type ValidationRule } from 'graphql';
import { introspectionFieldNames } from '../../operation/introspectionFields.js';

/** The message of a refused introspection query. */
export const introspectionDisabledMessage =
  'Introspection is disabled on this BFF: __schema and __type cannot be queried. Ask the BFF team for its schema.';

/**
 * A validation rule that refuses `__schema` and `__type` (GRAPHQL_VALIDATION_FAILED, 400);
 * `__typename` stays allowed. Used instead of Apollo Server's own, whose message tells clients
 * to reconfigure ApolloServer.
 */
export const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (introspectionFieldNames.has(node.name.value))
      context.reportError(new GraphQLError(introspectionDisabledMessage, { nodes: [node] }));
  },
});
