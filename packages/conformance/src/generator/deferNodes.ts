import {
  Kind,
  OperationTypeNode,
  type ArgumentNode,
  type DirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type InlineFragmentNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

/** What a written `@defer` says: its label (unique in the document) and whether it is `if: false`. */
export interface DeferArguments {
  readonly label?: string | undefined;
  readonly ifFalse?: boolean;
}

/** `@defer`, `@defer(label: "…")`, `@defer(if: false)` or both. */
export function deferDirective({ label, ifFalse = false }: DeferArguments): DirectiveNode {
  const argumentNodes: ArgumentNode[] = [];
  if (label !== undefined)
    argumentNodes.push({
      kind: Kind.ARGUMENT,
      name: { kind: Kind.NAME, value: 'label' },
      value: { kind: Kind.STRING, value: label },
    });
  if (ifFalse)
    argumentNodes.push({
      kind: Kind.ARGUMENT,
      name: { kind: Kind.NAME, value: 'if' },
      value: { kind: Kind.BOOLEAN, value: false },
    });
  return {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: 'defer' },
    ...(argumentNodes.length > 0 && { arguments: argumentNodes }),
  };
}

/** `... @defer { selections }`: an inline fragment without type condition, valid in any selection set. */
export function deferredInlineFragment(
  selections: readonly SelectionNode[],
  directive: DirectiveNode,
): InlineFragmentNode {
  const selectionSet: SelectionSetNode = { kind: Kind.SELECTION_SET, selections };
  return { kind: Kind.INLINE_FRAGMENT, directives: [directive], selectionSet };
}

/** Whether a fragment already has an `@defer`. */
export function hasDefer(node: { readonly directives?: readonly DirectiveNode[] | undefined }): boolean {
  return node.directives?.some((directive) => directive.name.value === 'defer') ?? false;
}

/**
 * Fragments whose own selections land at the root of a mutation or subscription, where `@defer` is not allowed
 * (graphql-js 17's DeferStreamDirectiveOnRootField): spread there directly or through such fragments.
 */
export function fragmentsAtNonQueryRoots(document: DocumentNode): ReadonlySet<string> {
  const definitions = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) definitions.set(definition.name.value, definition);
  const found = new Set<string>();
  const visitRootLevel = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) visitRootLevel(selection.selectionSet);
      if (selection.kind !== Kind.FRAGMENT_SPREAD || found.has(selection.name.value)) continue;
      found.add(selection.name.value);
      const definition = definitions.get(selection.name.value);
      if (definition) visitRootLevel(definition.selectionSet);
    }
  };
  for (const definition of document.definitions)
    if (definition.kind === Kind.OPERATION_DEFINITION && definition.operation !== OperationTypeNode.QUERY)
      visitRootLevel(definition.selectionSet);
  return found;
}
