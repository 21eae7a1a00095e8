import {
  Kind,
  getNamedType,
  getNullableType,
  isAbstractType,
  isInterfaceType,
  isListType,
  isObjectType,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { introspectionFieldNames } from '../../operation/introspectionFields.js';
import { measureDocument, type DocumentMeasures } from './measureDocument.js';

/** What guardOperation compares with the limits after validation. */
export interface OperationMeasures extends DocumentMeasures {
  /**
   * Estimated cost: each field costs 1 plus what it selects times its size. A list's size is its
   * `first`, `last` or `limit` argument; else, right under a field that has one (a connection's
   * `edges`), that value; else the default list size. Any other field has size 1. Under an
   * interface or a union, what a selection costs is what it costs for the concrete type that
   * selects the most: one object gets the selections of its own type condition, not every one.
   */
  readonly cost: number;
}

/** Arguments that say how many items a list (or a connection's list) holds. */
const sliceArguments = ['first', 'last', 'limit'] as const;

/**
 * The cost of a selection set for each concrete type it may apply to: `base` for every one, plus
 * `byType` for those a type condition singles out. Its cost is base plus the largest byType.
 */
interface Cost {
  readonly base: number;
  readonly byType: ReadonlyMap<GraphQLObjectType, number>;
}

const noCost: Cost = { base: 0, byType: new Map() };

interface Walk {
  readonly schema: GraphQLSchema;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly defaultListSize: number;
  /** A fragment costs the same wherever it is spread with the same inherited size. */
  readonly memo: Map<string, Cost>;
}

/**
 * Measures one operation of a validated document: its document's measures
 * ({@link measureDocument}) and its estimated cost. Fragments are costed once each (memoised),
 * so a document that spreads fragments many times over costs time in its size, not in its
 * expansion; the measures themselves count the expansion.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | undefined,
  defaultListSize: number,
): OperationMeasures {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const defaultEntries: [string, unknown][] = [];
  for (const definition of operation.variableDefinitions ?? [])
    if (definition.defaultValue)
      defaultEntries.push([definition.variable.name.value, valueFromASTUntyped(definition.defaultValue)]);
  const variableDefaults = Object.fromEntries(defaultEntries);
  const walk: Walk = {
    schema,
    fragments,
    variables: { ...variableDefaults, ...variables },
    defaultListSize,
    memo: new Map(),
  };
  const rootType = schema.getRootType(operation.operation) ?? undefined;
  return {
    ...measureDocument(document),
    cost: totalOf(costSelections(walk, operation.selectionSet, rootType, undefined)),
  };
}

function totalOf(cost: Cost): number {
  let most = 0;
  for (const extra of cost.byType.values()) most = Math.max(most, extra);
  return cost.base + most;
}

/**
 * The concrete types a selection set on `type` may apply to; undefined for a type the schema
 * does not know (validation has refused it; its fragments are then simply added up).
 */
function possibleTypesOf(
  schema: GraphQLSchema,
  type: GraphQLNamedType | undefined,
): readonly GraphQLObjectType[] | undefined {
  if (isObjectType(type)) return [type];
  if (isAbstractType(type)) return schema.getPossibleTypes(type);
  return undefined;
}

function costSelections(
  walk: Walk,
  selectionSet: SelectionSetNode,
  parentType: GraphQLNamedType | undefined,
  inheritedSize: number | undefined,
): Cost {
  const possibleTypes = possibleTypesOf(walk.schema, parentType);
  let base = 0;
  const byType = new Map<GraphQLObjectType, number>();
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      // Introspection has its own switch; __typename is answered by the gateway itself.
      if (introspectionFieldNames.has(selection.name.value) || selection.name.value === '__typename') continue;
      base += costField(walk, selection, parentType, inheritedSize);
      continue;
    }
    const fragment =
      selection.kind === Kind.INLINE_FRAGMENT
        ? costInline(walk, selection.selectionSet, selection.typeCondition?.name.value, parentType, inheritedSize)
        : costFragment(walk, selection.name.value, inheritedSize);
    const applies = possibleTypesOf(walk.schema, fragment.typeCondition);
    if (!possibleTypes || !applies) {
      base += totalOf(fragment.cost);
      continue;
    }
    const appliesTo = new Set(applies);
    const appliesToAll = possibleTypes.every((type) => appliesTo.has(type));
    // A fragment that applies to every type the selection may be (its condition is the parent
    // type, a supertype, or absent) costs for each; one that singles some out, only for those.
    if (appliesToAll) base += fragment.cost.base;
    for (const type of possibleTypes) {
      if (!appliesTo.has(type)) continue;
      const extra = (appliesToAll ? 0 : fragment.cost.base) + (fragment.cost.byType.get(type) ?? 0);
      if (extra > 0) byType.set(type, (byType.get(type) ?? 0) + extra);
    }
  }
  return { base, byType };
}

function costField(
  walk: Walk,
  selection: FieldNode,
  parentType: GraphQLNamedType | undefined,
  inheritedSize: number | undefined,
): number {
  const field =
    isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[selection.name.value] : undefined;
  const isList = field !== undefined && isListType(getNullableType(field.type));
  const sliced = sliceSize(walk, field, selection);
  const size = isList ? (sliced ?? inheritedSize ?? walk.defaultListSize) : 1;
  const child = selection.selectionSet
    ? totalOf(
        costSelections(walk, selection.selectionSet, field && getNamedType(field.type), isList ? undefined : sliced),
      )
    : 0;
  return 1 + size * child;
}

function costInline(
  walk: Walk,
  selectionSet: SelectionSetNode,
  typeConditionName: string | undefined,
  parentType: GraphQLNamedType | undefined,
  inheritedSize: number | undefined,
) {
  const typeCondition = typeConditionName === undefined ? parentType : walk.schema.getType(typeConditionName);
  return { typeCondition, cost: costSelections(walk, selectionSet, typeCondition, inheritedSize) };
}

function costFragment(walk: Walk, name: string, inheritedSize: number | undefined) {
  const fragment = walk.fragments.get(name);
  const typeCondition = fragment && walk.schema.getType(fragment.typeCondition.name.value);
  const key = `${name}|${inheritedSize ?? ''}`;
  const known = walk.memo.get(key);
  if (known) return { typeCondition, cost: known };
  // Validation has already refused unknown fragments and cycles; an empty entry guards anyway.
  walk.memo.set(key, noCost);
  const cost = fragment ? costSelections(walk, fragment.selectionSet, typeCondition, inheritedSize) : noCost;
  walk.memo.set(key, cost);
  return { typeCondition, cost };
}

/** The largest slicing argument of a field, from the document, the variables or the schema's default. */
function sliceSize(walk: Walk, field: GraphQLField<unknown, unknown> | undefined, node: FieldNode): number | undefined {
  let size: number | undefined;
  for (const name of sliceArguments) {
    const argument = node.arguments?.find((candidate) => candidate.name.value === name);
    let value: unknown = field?.args.find((candidate) => candidate.name === name)?.defaultValue;
    if (argument?.value.kind === Kind.INT) value = Number(argument.value.value);
    else if (argument?.value.kind === Kind.VARIABLE) value = walk.variables[argument.value.name.value] ?? value;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) size = Math.max(size ?? 0, value);
  }
  return size;
}
