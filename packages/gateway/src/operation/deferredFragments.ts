import {
  GraphQLError,
  Kind,
  visit,
  type ASTVisitor,
  type ArgumentNode,
  type DirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type InlineFragmentNode,
  type FragmentSpreadNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/** Labels the kit gives unlabelled @defer fragments start with this; clients may not use it (see deferLabelsRule). */
const generatedLabelPrefix = '__defer_';

/** A fragment an @defer marks, found by its label in a labelled document. */
export interface DeferredFragment {
  /** The label the client gave, or undefined: an incremental payload carries only the client's own. */
  readonly clientLabel: string | undefined;
  /** The fragment's selections: an inline fragment's own, or the spread fragment's definition's. */
  readonly selectionSet: SelectionSetNode;
  /** Its type condition: absent for an inline fragment without one (the parent type's). */
  readonly typeCondition: string | undefined;
}

/**
 * The document with a label on every @defer (the planner names deferred parts by label, and the
 * kit maps them back to their fragments by it): the client's where given, `__defer_<n>` otherwise.
 * The same document when there is nothing to label. Run after deferLabelsRule: client labels are
 * static and unique.
 */
export function labelDeferredFragments(document: DocumentNode): DocumentNode {
  let next = 0;
  const label = (node: DirectiveNode): DirectiveNode | undefined => {
    if (node.name.value !== 'defer' || node.arguments?.some((argument) => argument.name.value === 'label'))
      return undefined;
    const argument: ArgumentNode = {
      kind: Kind.ARGUMENT,
      name: { kind: Kind.NAME, value: 'label' },
      value: { kind: Kind.STRING, value: `${generatedLabelPrefix}${next++}` },
    };
    return { ...node, arguments: [...(node.arguments ?? []), argument] };
  };
  // visit returns the document itself when no directive was replaced.
  return visit(document, { Directive: label });
}

/** Every @defer fragment of a labelled document, by label. */
export function deferredFragmentsOf(document: DocumentNode): Map<string, DeferredFragment> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const deferred = new Map<string, DeferredFragment>();
  const add = (node: InlineFragmentNode | FragmentSpreadNode) => {
    const label = labelOf(node);
    if (label === undefined) return;
    const clientLabel = label.startsWith(generatedLabelPrefix) ? undefined : label;
    if (node.kind === Kind.INLINE_FRAGMENT) {
      deferred.set(label, {
        clientLabel,
        selectionSet: node.selectionSet,
        typeCondition: node.typeCondition?.name.value,
      });
      return;
    }
    const definition = fragments.get(node.name.value);
    if (definition)
      deferred.set(label, {
        clientLabel,
        selectionSet: definition.selectionSet,
        typeCondition: definition.typeCondition.name.value,
      });
  };
  visit(document, { InlineFragment: add, FragmentSpread: add });
  return deferred;
}

/** Whether `node` is deferred for these variables: it has @defer, and its `if` is not false. */
export function isDeferred(
  node: { readonly directives?: readonly DirectiveNode[] | undefined },
  variables: Readonly<Record<string, unknown>>,
): boolean {
  const defer = node.directives?.find((directive) => directive.name.value === 'defer');
  if (!defer) return false;
  const condition = defer.arguments?.find((argument) => argument.name.value === 'if')?.value;
  if (!condition) return true;
  if (condition.kind === Kind.BOOLEAN) return condition.value;
  if (condition.kind === Kind.VARIABLE) return variables[condition.name.value] !== false;
  return true;
}

/** The static label of a fragment's @defer, if it has one. */
function labelOf(node: InlineFragmentNode | FragmentSpreadNode): string | undefined {
  const value = node.directives
    ?.find((directive) => directive.name.value === 'defer')
    ?.arguments?.find((argument) => argument.name.value === 'label')?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
}

/**
 * @defer labels as graphql-js 17 validates them (DeferStreamDirectiveLabelRule): static strings, unique in the
 * document; and not starting with `__defer_`, which the kit gives unlabelled fragments.
 */
export function deferLabelsRule(context: ValidationContext): ASTVisitor {
  const seen = new Set<string>();
  return {
    Directive(node) {
      if (node.name.value !== 'defer') return;
      const value = node.arguments?.find((argument) => argument.name.value === 'label')?.value;
      if (!value) return;
      if (value.kind !== Kind.STRING) {
        context.reportError(
          new GraphQLError('Directive "defer"\'s label argument must be a static string.', { nodes: node }),
        );
        return;
      }
      if (value.value.startsWith(generatedLabelPrefix)) {
        context.reportError(
          new GraphQLError(`Defer labels starting with "${generatedLabelPrefix}" are reserved.`, { nodes: node }),
        );
        return;
      }
      if (seen.has(value.value))
        context.reportError(new GraphQLError('Defer/Stream directive label argument must be unique.', { nodes: node }));
      seen.add(value.value);
    },
  };
}
