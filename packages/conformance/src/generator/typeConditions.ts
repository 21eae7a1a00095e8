import {
  doTypesOverlap,
  isCompositeType,
  isObjectType,
  isUnionType,
  type GraphQLCompositeType,
  type GraphQLSchema,
} from 'graphql';

/**
 * The type conditions a fragment may carry where `parent` is selected (graphql-js's
 * PossibleFragmentSpreads): `parent` itself first, then every other composite type sharing a
 * possible object type with it — for an interface its implementations, the interface, the other
 * interfaces and unions they belong to; for an object type its interfaces. Not, under an object
 * type, the unions it belongs to: stock @apollo/gateway drops such a fragment when the subgraph
 * that serves the object lacks the union (harness/intendedDifferences.ts, unionSpreadInObject).
 * Computed once per parent type of a schema.
 */
export function typeConditionsOf(
  schema: GraphQLSchema,
): (parent: GraphQLCompositeType) => readonly GraphQLCompositeType[] {
  const composite = Object.values(schema.getTypeMap())
    .filter(isCompositeType)
    .filter((type) => !type.name.startsWith('__'))
    .sort((a, b) => a.name.localeCompare(b.name));
  const cache = new Map<string, readonly GraphQLCompositeType[]>();
  return (parent) => {
    let conditions = cache.get(parent.name);
    if (conditions === undefined) {
      conditions = [
        parent,
        ...composite.filter(
          (type) =>
            type !== parent && doTypesOverlap(schema, type, parent) && !(isObjectType(parent) && isUnionType(type)),
        ),
      ];
      cache.set(parent.name, conditions);
    }
    return conditions;
  };
}
