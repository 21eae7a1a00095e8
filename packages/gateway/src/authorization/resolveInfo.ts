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
export function resolveInfo(
  base: InfoBase,
  parentType: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
  fieldNodes: readonly FieldNode[],
  path: readonly (string | number)[],
): GraphQLResolveInfo {
  let responsePath: GraphQLResolveInfo['path'] | undefined;
  for (const key of path) responsePath = { prev: responsePath, key, typename: undefined };
  // Not `{ ...base, fieldName, … }`: a spread followed by new keys makes V8 (Node 20) build a new
  // hidden class on every call, in old space, with descriptors that outlive the call (GC work).
  return {
    schema: base.schema,
    fragments: base.fragments,
    operation: base.operation,
    variableValues: base.variableValues,
    fieldName: field.name,
    fieldNodes,
    returnType: field.type,
    parentType,
    path: responsePath ?? { prev: undefined, key: field.name, typename: undefined },
    rootValue: undefined,
  };
}
