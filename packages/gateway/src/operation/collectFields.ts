import {
  Kind,
  isAbstractType,
  isUnionType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { isDeferred, isIncluded } from './directives.js';

/** What field collection needs besides the selections: as graphql-js's own collectFields. */
export interface CollectContext {
  readonly schema: GraphQLSchema;
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  /**
   * Of @skip/@include; absent, they are not read and every selection counts (a rewrite that must serve any
   * variables).
   */
  readonly variables: Readonly<Record<string, unknown>> | undefined;
  /**
   * Leave out the fragments an active @defer marks: the first part of an incremental response holds none of them.
   * @default false
   */
  readonly withoutDeferred?: boolean;
}

/** The document's fragment definitions by name. */
export function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  return Object.fromEntries(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
}

/**
 * The fields an object of `runtimeType` gets from `selectionSets`, grouped by response key in
 * document order, following fragments whose type condition applies and honouring @skip/@include.
 * The response walks of the rules and of the plan executor both collect with it.
 */
export function collectFields(
  context: CollectContext,
  runtimeType: GraphQLCompositeType,
  selectionSets: readonly SelectionSetNode[],
): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const visit = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (context.variables && !isIncluded(selection, context.variables)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        fields.set(key, [...(fields.get(key) ?? []), selection]);
      } else if (context.withoutDeferred && isDeferred(selection, context.variables ?? {})) {
        continue;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (appliesTo(context.schema, selection.typeCondition?.name.value, runtimeType)) visit(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = context.fragments[name];
        if (
          visited.has(name) ||
          !fragment ||
          !appliesTo(context.schema, fragment.typeCondition.name.value, runtimeType)
        )
          continue;
        visited.add(name);
        visit(fragment.selectionSet);
      }
    }
  };
  for (const selectionSet of selectionSets) visit(selectionSet);
  return fields;
}

/** The merged sub-selections of a field that appears several times under one response key. */
export function subSelections(nodes: readonly FieldNode[]): SelectionSetNode[] {
  return nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
}

/** Whether a fragment's type condition applies to an object of `runtimeType` (none: it always does). */
export function appliesTo(
  schema: GraphQLSchema,
  typeCondition: string | undefined,
  runtimeType: GraphQLCompositeType,
): boolean {
  if (!typeCondition || typeCondition === runtimeType.name) return true;
  const conditionType = schema.getType(typeCondition);
  return (
    conditionType !== undefined &&
    isAbstractType(conditionType) &&
    !isUnionType(runtimeType) &&
    schema.isSubType(conditionType, runtimeType)
  );
}
