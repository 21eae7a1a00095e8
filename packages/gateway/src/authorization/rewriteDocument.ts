import {
  Kind,
  TypeInfo,
  isAbstractType,
  isObjectType,
  visit,
  visitWithTypeInfo,
  type DefinitionNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import type { RuleBook } from './createRuleBook.js';

/** Response keys the kit adds for rules start with this; they never reach the client. */
export const hiddenKeyPrefix = '_authz_';
/** The hidden key that tells the runtime type of an object under an interface or union. */
export const hiddenTypenameKey = `${hiddenKeyPrefix}typename`;

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;

/**
 * Adds, to every selection set, the parent fields its type's rules (and its selected fields'
 * rules) declare (aliased under
 * {@link hiddenKeyPrefix}), and `__typename` under interfaces and unions so the runtime type is
 * known. The result depends on the document only, never on the viewer.
 */
export function withRuleSelections(document: DocumentNode, schema: GraphQLSchema, book: RuleBook): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  const hidden = (selection: SelectionNode): SelectionNode =>
    selection.kind === Kind.FIELD ? { ...selection, alias: name(`${hiddenKeyPrefix}${selection.name.value}`) } : selection;
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      SelectionSet: {
        leave(node) {
          const type = typeInfo.getParentType();
          let additions: SelectionNode[] = [];
          if (isObjectType(type)) additions = book.neededSelections(type.name, selectedFieldNames(node)).map(hidden);
          else if (type && isAbstractType(type)) {
            const typename: FieldNode = { kind: Kind.FIELD, alias: name(hiddenTypenameKey), name: name('__typename') };
            const perType = schema.getPossibleTypes(type).flatMap((possible): SelectionNode[] => {
              const needed = book.neededSelections(possible.name);
              return needed.length === 0
                ? []
                : [{ kind: Kind.INLINE_FRAGMENT, typeCondition: { kind: Kind.NAMED_TYPE, name: name(possible.name) }, selectionSet: { kind: Kind.SELECTION_SET, selections: needed.map(hidden) } }];
            });
            additions = [typename, ...perType];
          }
          return additions.length === 0 ? undefined : { ...node, selections: [...node.selections, ...additions] };
        },
      },
    }),
  );
}

/** The fields a selection set names itself (its fragments' fields are handled where they stand). */
function selectedFieldNames(selectionSet: SelectionSetNode): string[] {
  return selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []));
}

/**
 * Removes denied root fields (by response key) from the operation, through inline fragments and
 * fragments on the root type, and drops fragments left empty or unused, so the document stays valid.
 */
export function withoutRootFields(document: DocumentNode, operation: OperationDefinitionNode, rootTypeName: string, deniedKeys: ReadonlySet<string>): DocumentNode {
  const rootFragments = new Map<string, SelectionSetNode | undefined>();
  const prune = (selectionSet: SelectionSetNode): SelectionSetNode | undefined => {
    const selections = selectionSet.selections.flatMap((selection): SelectionNode[] => {
      if (selection.kind === Kind.FIELD) return deniedKeys.has(selection.alias?.value ?? selection.name.value) ? [] : [selection];
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const pruned = prune(selection.selectionSet);
        return pruned ? [{ ...selection, selectionSet: pruned }] : [];
      }
      return rootFragments.get(selection.name.value) === undefined && rootFragments.has(selection.name.value) ? [] : [selection];
    });
    return selections.length > 0 ? { ...selectionSet, selections } : undefined;
  };
  // Fragments on the root type are pruned first, so spreads of emptied ones can be dropped.
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION && definition.typeCondition.name.value === rootTypeName) {
      rootFragments.set(definition.name.value, prune(definition.selectionSet));
    }
  }
  const prunedOperation = prune(operation.selectionSet);
  const definitions = document.definitions.flatMap((definition): DefinitionNode[] => {
    if (definition === operation) return prunedOperation ? [{ ...operation, selectionSet: prunedOperation }] : [];
    if (definition.kind === Kind.FRAGMENT_DEFINITION && rootFragments.has(definition.name.value)) {
      const pruned = rootFragments.get(definition.name.value);
      return pruned ? [{ ...definition, selectionSet: pruned }] : [];
    }
    return [definition];
  });
  return withoutUnusedFragments({ ...document, definitions });
}

function withoutUnusedFragments(document: DocumentNode): DocumentNode {
  const used = new Set<string>();
  visit(document, { FragmentSpread: (node) => void used.add(node.name.value) });
  const definitions = document.definitions.filter((definition) => definition.kind !== Kind.FRAGMENT_DEFINITION || used.has(definition.name.value));
  return definitions.length === document.definitions.length ? document : { ...document, definitions };
}
