import {
  getNamedType,
  isObjectType,
  Kind,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { appliesTo, collectFields, subSelections } from '../../operation/collectFields.js';
import { isDeferred, isIncluded, labelOf } from '../../operation/directives.js';
import type { ShapeSource } from './shapeResponse.js';

/** An object a deferred fragment applies to: where it is, the merged data of it, and its runtime type. */
export interface DeferredLocation {
  readonly path: readonly (string | number)[];
  readonly object: Record<string, unknown>;
  readonly type: GraphQLObjectType;
}

/**
 * Every object of the merged data that each of `labels`' @defer fragments applies to, found by walking the client's
 * operation over the data: the fragment's place in the operation, its type condition and @skip/@include decide, not
 * the planner's path of the deferred part (which names one implementation of an interface when the fragment applies
 * to all).
 */
export function deferredLocations(
  source: ShapeSource,
  rootType: GraphQLObjectType,
  rootSelectionSet: SelectionSetNode,
  data: Record<string, unknown>,
  labels: ReadonlySet<string>,
): Map<string, DeferredLocation[]> {
  const { schema, fragments, conditionValues } = source;
  const found = new Map<string, DeferredLocation[]>();
  const record = (label: string, location: DeferredLocation) => {
    if (!labels.has(label)) return;
    const list = found.get(label);
    if (list) list.push(location);
    else found.set(label, [location]);
  };
  // The deferred fragments at this level: through the fragments (deferred or not) that apply to the object's type.
  const scan = (selectionSet: SelectionSetNode, location: DeferredLocation) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD || !isIncluded(selection, conditionValues)) continue;
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments[selection.name.value] : undefined;
      const condition =
        selection.kind === Kind.INLINE_FRAGMENT
          ? selection.typeCondition?.name.value
          : fragment?.typeCondition.name.value;
      if (condition !== undefined && !appliesTo(schema, condition, location.type)) continue;
      const defer = selection.directives?.find((directive) => directive.name.value === 'defer');
      const label = defer && labelOf(defer);
      if (label !== undefined && isDeferred(selection, conditionValues)) record(label, location);
      const inner = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragment?.selectionSet;
      if (inner) scan(inner, location);
    }
  };
  const walk = (location: DeferredLocation, selectionSets: readonly SelectionSetNode[]) => {
    for (const selectionSet of selectionSets) scan(selectionSet, location);
    const collected = collectFields({ schema, fragments, variables: conditionValues }, location.type, selectionSets);
    for (const [key, nodes] of collected) {
      const definition = nodes[0] && location.type.getFields()[nodes[0].name.value];
      if (!definition || !nodes.some((node) => node.selectionSet)) continue;
      const children = subSelections(nodes);
      const visit = (value: unknown, path: readonly (string | number)[]) => {
        if (Array.isArray(value)) {
          value.forEach((item, index) => visit(item, [...path, index]));
          return;
        }
        if (value === null || typeof value !== 'object') return;
        const object = value as Record<string, unknown>;
        const type = runtimeTypeOf(schema, object, definition.type);
        if (type) walk({ path, object, type }, children);
      };
      visit(location.object[key], [...location.path, key]);
    }
  };
  walk({ path: [], object: data, type: rootType }, [rootSelectionSet]);
  return found;
}

function runtimeTypeOf(
  schema: GraphQLSchema,
  object: Record<string, unknown>,
  fieldType: GraphQLOutputType,
): GraphQLObjectType | undefined {
  const typename = object['__typename'];
  const named = typeof typename === 'string' ? schema.getType(typename) : getNamedType(fieldType);
  return isObjectType(named) ? named : undefined;
}
