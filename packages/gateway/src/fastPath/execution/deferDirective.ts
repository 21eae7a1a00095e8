import {
  DirectiveLocation,
  GraphQLBoolean,
  GraphQLDirective,
  GraphQLNonNull,
  GraphQLSchema,
  GraphQLString,
} from 'graphql';

/**
 * `@defer` as the incremental delivery RFC defines it (graphql-js 16 does not ship it). @apollo/gateway
 * leaves it out of the schema it serves, because its own executor cannot run a deferred plan; the kit's can.
 */
export const deferDirective = new GraphQLDirective({
  name: 'defer',
  description:
    'Lets the server deliver this fragment after the rest of the response. Answered in the same response until ' +
    'the BFF delivers parts incrementally.',
  locations: [DirectiveLocation.FRAGMENT_SPREAD, DirectiveLocation.INLINE_FRAGMENT],
  args: {
    if: { type: new GraphQLNonNull(GraphQLBoolean), defaultValue: true },
    label: { type: GraphQLString },
  },
});

/** The API schema with `@defer`, the same types (objects) and everything else as they are. */
export function withDeferDirective(schema: GraphQLSchema): GraphQLSchema {
  if (schema.getDirective(deferDirective.name)) return schema;
  const config = schema.toConfig();
  return new GraphQLSchema({ ...config, directives: [...config.directives, deferDirective] });
}
