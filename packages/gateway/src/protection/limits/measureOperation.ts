import {
  Kind,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  valueFromASTUntyped,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { introspectionFieldNames } from '../../operation/introspectionFields.js';

/** What guardOperation compares with the limits. */
export interface OperationMeasures {
  /** Deepest nesting of fields; `__schema` and `__type` are not counted (introspection has its own switch). */
  readonly depth: number;
  /** Aliased fields in the whole document, each fragment counted once. */
  readonly aliases: number;
  /** Distinct response keys at the operation's root, through fragments. */
  readonly rootFields: number;
  /** Directives anywhere in the document. */
  readonly directives: number;
  /**
   * Estimated cost: each field costs 1 plus what it selects times its size. A list's size is its
   * `first`, `last` or `limit` argument; else, right under a field that has one (a connection's
   * `edges`), that value; else the default list size. Any other field has size 1.
   */
  readonly cost: number;
}

/** Arguments that say how many items a list (or a connection's list) holds. */
const sliceArguments = ['first', 'last', 'limit'] as const;

interface Walk {
  readonly schema: GraphQLSchema;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly defaultListSize: number;
  /** A fragment measures the same wherever it is spread with the same inherited size. */
  readonly memo: Map<string, { depth: number; cost: number }>;
}

/** Measures that depend on the document alone, kept per parsed document (Apollo reuses it from its cache). */
const documentCounts = new WeakMap<DocumentNode, { aliases: number; directives: number }>();

/**
 * Measures one operation of a validated document. Fragments are measured once each (memoised),
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
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const variableDefaults = Object.fromEntries(
    (operation.variableDefinitions ?? []).filter((definition) => definition.defaultValue).map((definition) => [definition.variable.name.value, valueFromASTUntyped(definition.defaultValue!)]),
  );
  const walk: Walk = { schema, fragments, variables: { ...variableDefaults, ...variables }, defaultListSize, memo: new Map() };
  const rootType = schema.getRootType(operation.operation) ?? undefined;
  const { depth, cost } = measureSelections(walk, operation.selectionSet, rootType, undefined);
  return { depth, cost, rootFields: countRootFields(fragments, operation.selectionSet, new Set(), new Set()), ...countInDocument(document) };
}

function measureSelections(walk: Walk, selectionSet: SelectionSetNode, parentType: GraphQLNamedType | undefined, inheritedSize: number | undefined) {
  let depth = 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (introspectionFieldNames.has(name)) continue;
      if (name === '__typename') {
        depth = Math.max(depth, 1);
        continue;
      }
      const field = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[name] : undefined;
      const isList = field !== undefined && isListType(getNullableType(field.type));
      const sliced = sliceSize(walk, field, selection);
      const size = isList ? (sliced ?? inheritedSize ?? walk.defaultListSize) : 1;
      const child = selection.selectionSet
        ? measureSelections(walk, selection.selectionSet, field && getNamedType(field.type), isList ? undefined : sliced)
        : { depth: 0, cost: 0 };
      depth = Math.max(depth, 1 + child.depth);
      cost += 1 + size * child.cost;
    } else {
      const child = selection.kind === Kind.INLINE_FRAGMENT ? measureInline(walk, selection.selectionSet, selection.typeCondition?.name.value, parentType, inheritedSize) : measureFragment(walk, selection.name.value, inheritedSize);
      depth = Math.max(depth, child.depth);
      cost += child.cost;
    }
  }
  return { depth, cost };
}

function measureInline(walk: Walk, selectionSet: SelectionSetNode, typeCondition: string | undefined, parentType: GraphQLNamedType | undefined, inheritedSize: number | undefined) {
  return measureSelections(walk, selectionSet, typeCondition === undefined ? parentType : walk.schema.getType(typeCondition), inheritedSize);
}

function measureFragment(walk: Walk, name: string, inheritedSize: number | undefined) {
  const key = `${name}|${inheritedSize ?? ''}`;
  const known = walk.memo.get(key);
  if (known) return known;
  const fragment = walk.fragments.get(name);
  // Validation has already refused unknown fragments and cycles; an empty entry guards anyway.
  walk.memo.set(key, { depth: 0, cost: 0 });
  const measured = fragment ? measureInline(walk, fragment.selectionSet, fragment.typeCondition.name.value, undefined, inheritedSize) : { depth: 0, cost: 0 };
  walk.memo.set(key, measured);
  return measured;
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

/** Response keys at the root, through fragment spreads and inline fragments (each fragment once). */
function countRootFields(fragments: ReadonlyMap<string, FragmentDefinitionNode>, selectionSet: SelectionSetNode, keys: Set<string>, seen: Set<string>): number {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) keys.add(selection.alias?.value ?? selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) countRootFields(fragments, selection.selectionSet, keys, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) countRootFields(fragments, fragment.selectionSet, keys, seen);
    }
  }
  return keys.size;
}

function countInDocument(document: DocumentNode): { aliases: number; directives: number } {
  let counts = documentCounts.get(document);
  if (counts) return counts;
  let aliases = 0;
  let directives = 0;
  visit(document, {
    Field: (node) => void (node.alias && (aliases += 1)),
    Directive: () => void (directives += 1),
  });
  counts = { aliases, directives };
  documentCounts.set(document, counts);
  return counts;
}
