import { GraphQLError, type ValidationRule } from 'graphql';

/** The message of a refused introspection query. */
export const introspectionDisabledMessage = 'Introspection is disabled on this BFF: __schema and __type cannot be queried. Ask the BFF team for its schema.';

/**
 * A validation rule that refuses `__schema` and `__type` (GRAPHQL_VALIDATION_FAILED, 400);
 * `__typename` stays allowed. Used instead of Apollo Server's own, whose message tells clients
 * to reconfigure ApolloServer.
 */
export const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '__schema' || node.name.value === '__type') context.reportError(new GraphQLError(introspectionDisabledMessage, { nodes: [node] }));
  },
});
