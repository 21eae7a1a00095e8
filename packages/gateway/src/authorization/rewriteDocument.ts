import {
  Kind,
  TypeInfo,
  isAbstractType,
  isEqualType,
  isInterfaceType,
  isObjectType,
  print,
  visit,
  visitWithTypeInfo,
  type DefinitionNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import type { RuleBook } from './createRuleBook.js';
import { collectFields, fragmentsOf } from '../operation/collectFields.js';

/** Response keys the kit adds for rules start with this; they never reach the client. */
export const hiddenKeyPrefix = '_authz_';
/** The hidden key that tells the runtime type of an object under an interface or union. */
export const hiddenTypenameKey = `${hiddenKeyPrefix}typename`;

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;

/**
 * Adds, at the end of every field's (and the operation's) selection set, the parent fields its
 * type's rules (and its selected fields' rules) declare (aliased under {@link hiddenKeyPrefix}),
 * and `__typename` under interfaces and unions so the runtime type is known. The result depends
 * on the document only, never on the viewer or the variables.
 *
 * Never inside the client's fragments, and an interface's own fields on the interface rather than
 * per implementation: plans with data rewrites (@interfaceObject) run on @apollo/gateway's
 * executor, which merges inline fragments into their first occurrence (a hidden `... on Shirt`
 * in an earlier fragment would move the client's `color` ahead of its other fields), and which
 * may fetch a field asked under `... on User` of an @interfaceObject interface from a subgraph
 * that answers `__typename: "Account"`, overwriting the runtime type and so dropping the client's
 * own `... on User` from the response.
 */
export function withRuleSelections(document: DocumentNode, schema: GraphQLSchema, book: RuleBook): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  // The fields each possible type gets, through the client's fragments; @skip/@include are not
  // read (no variables): the rewrite serves any variables.
  const collect = { schema, fragments: fragmentsOf(document), variables: undefined };
  const hidden = (selection: SelectionNode): SelectionNode =>
    selection.kind === Kind.FIELD
      ? { ...selection, alias: name(`${hiddenKeyPrefix}${selection.name.value}`) }
      : selection;
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      SelectionSet: {
        leave(node, _key, owner) {
          if (
            !owner ||
            'length' in owner ||
            owner.kind === Kind.INLINE_FRAGMENT ||
            owner.kind === Kind.FRAGMENT_DEFINITION
          )
            return undefined;
          const type = typeInfo.getParentType();
          const namesFor = (possible: GraphQLObjectType) => {
            const names: string[] = [];
            for (const [first] of collectFields(collect, possible, [node]).values())
              if (first) names.push(first.name.value);
            return names;
          };
          let additions: SelectionNode[] = [];
          if (isObjectType(type)) additions = book.neededSelections(type.name, namesFor(type)).map(hidden);
          else if (type && isAbstractType(type)) {
            const typename: FieldNode = { kind: Kind.FIELD, alias: name(hiddenTypenameKey), name: name('__typename') };
            const onInterface = new Map<string, SelectionNode>();
            const perType = schema.getPossibleTypes(type).flatMap((possible): SelectionNode[] => {
              const needed = book.neededSelections(possible.name, namesFor(possible)).filter((selection) => {
                if (!isInterfaceType(type) || !isSameInterfaceField(type, possible, selection)) return true;
                onInterface.set(print(selection), selection);
                return false;
              });
              return needed.length === 0
                ? []
                : [
                    {
                      kind: Kind.INLINE_FRAGMENT,
                      typeCondition: { kind: Kind.NAMED_TYPE, name: name(possible.name) },
                      selectionSet: { kind: Kind.SELECTION_SET, selections: needed.map(hidden) },
                    },
                  ];
            });
            additions = [typename, ...[...onInterface.values()].map(hidden), ...perType];
          }
          return additions.length === 0 ? undefined : { ...node, selections: [...node.selections, ...additions] };
        },
      },
    }),
  );
}

/**
 * Whether a needed selection is a plain field the interface has with the same type as `possible`: then it is asked on
 * the interface.
 */
function isSameInterfaceField(
  type: GraphQLInterfaceType,
  possible: GraphQLObjectType,
  selection: SelectionNode,
): boolean {
  if (
    selection.kind !== Kind.FIELD ||
    selection.selectionSet ||
    selection.arguments?.length ||
    selection.directives?.length
  )
    return false;
  const onInterface = type.getFields()[selection.name.value];
  const onPossible = possible.getFields()[selection.name.value];
  return !!onInterface && !!onPossible && isEqualType(onInterface.type, onPossible.type);
}

/**
 * Removes denied root fields (by response key) from the operation, through inline fragments and
 * fragments on the root type, and drops fragments left empty or unused, so the document stays valid.
 */
export function withoutRootFields(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rootTypeName: string,
  deniedKeys: ReadonlySet<string>,
): DocumentNode {
  const rootFragments = new Map<string, SelectionSetNode | undefined>();
  const prune = (selectionSet: SelectionSetNode): SelectionSetNode | undefined => {
    const selections = selectionSet.selections.flatMap((selection): SelectionNode[] => {
      if (selection.kind === Kind.FIELD)
        return deniedKeys.has(selection.alias?.value ?? selection.name.value) ? [] : [selection];
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const pruned = prune(selection.selectionSet);
        return pruned ? [{ ...selection, selectionSet: pruned }] : [];
      }
      return rootFragments.get(selection.name.value) === undefined && rootFragments.has(selection.name.value)
        ? []
        : [selection];
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
  const definitions = document.definitions.filter(
    (definition) => definition.kind !== Kind.FRAGMENT_DEFINITION || used.has(definition.name.value),
  );
  return definitions.length === document.definitions.length ? document : { ...document, definitions };
}
