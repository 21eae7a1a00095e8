import type {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLObjectType,
  GraphQLResolveInfo,
  GraphQLSchema,
  OperationDefinitionNode,
} from 'graphql';

/** The request-wide parts of the `info` a rule receives. */
export interface InfoBase {
  readonly schema: GraphQLSchema;
  readonly fragments: Record<string, FragmentDefinitionNode>;
  readonly operation: OperationDefinitionNode;
  readonly variableValues: Record<string, unknown>;
}

/**
 * The GraphQLResolveInfo a rule would have had in a resolver: rules here run over a query plan's
 * result rather than inside resolvers, so the kit assembles it.
 */
export function resolveInfo(base: InfoBase, parentType: GraphQLObjectType, field: GraphQLField<unknown, unknown>, fieldNodes: readonly FieldNode[], path: readonly (string | number)[]): GraphQLResolveInfo {
  let responsePath: GraphQLResolveInfo['path'] | undefined;
  for (const key of path) responsePath = { prev: responsePath, key, typename: undefined };
  return {
    ...base,
    fieldName: field.name,
    fieldNodes,
    returnType: field.type,
    parentType,
    path: responsePath ?? { prev: undefined, key: field.name, typename: undefined },
    rootValue: undefined,
  };
}
