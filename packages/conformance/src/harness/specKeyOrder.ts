import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getDirectiveValues,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isAbstractType,
  isLeafType,
  isListType,
  isObjectType,
  parse,
  typeFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { ConformanceRequest } from './ConformanceRequest.js';

interface Walk {
  readonly schema: GraphQLSchema;
  readonly fragments: Record<string, FragmentDefinitionNode>;
  readonly variables: Record<string, unknown>;
}

/** The spec's CollectFields (GraphQL, section 6.3.2), written from the spec, not from either gateway. */
function collectFields(
  walk: Walk,
  type: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  fields: Map<string, FieldNode[]>,
  visited: Set<string>,
): Map<string, FieldNode[]> {
  for (const selection of selectionSet.selections) {
    if (getDirectiveValues(GraphQLSkipDirective, selection, walk.variables)?.['if'] === true) continue;
    if (getDirectiveValues(GraphQLIncludeDirective, selection, walk.variables)?.['if'] === false) continue;
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      fields.set(key, [...(fields.get(key) ?? []), selection]);
      continue;
    }
    const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? walk.fragments[selection.name.value] : selection;
    if (!fragment || (selection.kind === Kind.FRAGMENT_SPREAD && visited.has(selection.name.value))) continue;
    if (selection.kind === Kind.FRAGMENT_SPREAD) visited.add(selection.name.value);
    const condition = fragment.typeCondition && typeFromAST(walk.schema, fragment.typeCondition);
    const applies =
      !condition || condition === type || (isAbstractType(condition) && walk.schema.isSubType(condition, type));
    if (applies) collectFields(walk, type, fragment.selectionSet, fields, visited);
  }
  return fields;
}

function ordered(
  walk: Walk,
  type: GraphQLOutputType,
  selectionSets: readonly SelectionSetNode[],
  value: unknown,
): unknown {
  if (value === null || value === undefined) return value;
  const nullable = getNullableType(type);
  if (isListType(nullable))
    return (value as unknown[]).map((item) => ordered(walk, nullable.ofType, selectionSets, item));
  if (isLeafType(nullable)) return value;
  const object = value as Record<string, unknown>;
  const typename = object['__typename'];
  const candidates = isObjectType(nullable)
    ? [nullable]
    : typeof typename === 'string'
      ? [walk.schema.getType(typename)]
      : walk.schema.getPossibleTypes(nullable);
  // Without __typename, the runtime type is the one whose collected keys are exactly the answer's;
  // none or two orders: cannot tell.
  const orders = new Set<string>();
  let chosen: { type: GraphQLObjectType; fields: Map<string, FieldNode[]> } | undefined;
  for (const candidate of candidates) {
    if (!isObjectType(candidate)) continue;
    const fields = new Map<string, FieldNode[]>();
    const visited = new Set<string>();
    for (const selectionSet of selectionSets) collectFields(walk, candidate, selectionSet, fields, visited);
    const keys = [...fields.keys()];
    if (keys.length !== Object.keys(object).length || !keys.every((key) => key in object)) continue;
    orders.add(keys.join('\u0000'));
    chosen ??= { type: candidate, fields };
  }
  if (!chosen || orders.size !== 1) throw new Error('runtime type unknown');
  const result: Record<string, unknown> = {};
  for (const [key, nodes] of chosen.fields) {
    const fieldName = nodes[0]?.name.value;
    const field =
      fieldName === undefined || fieldName === '__typename' ? undefined : chosen.type.getFields()[fieldName];
    const subSelections = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
    result[key] =
      field && subSelections.length > 0 ? ordered(walk, field.type, subSelections, object[key]) : object[key];
  }
  return result;
}

/**
 * `data` with its keys in the order the GraphQL spec's CollectFields gives them for `request`,
 * as JSON text. Undefined when it cannot tell (an object whose runtime type the answer does not
 * show, or a request that does not resolve).
 */
export function specKeyOrder(schema: GraphQLSchema, request: ConformanceRequest, data: unknown): string | undefined {
  try {
    const document = parse(request.query);
    const operation = getOperationAST(document, request.operationName);
    const rootType = operation && schema.getRootType(operation.operation);
    if (!operation || !rootType) return undefined;
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
    if (coerced.errors) return undefined;
    const fragments = Object.fromEntries(
      document.definitions.flatMap((definition) =>
        definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [],
      ),
    );
    return JSON.stringify(
      ordered({ schema, fragments, variables: coerced.coerced }, rootType, [operation.selectionSet], data),
    );
  } catch {
    return undefined;
  }
}
