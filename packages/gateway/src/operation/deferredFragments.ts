import { isDeferred, isIncluded, labelOf } from './directives.js';
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
 * The document as the kit plans it when it has @defer: every @defer labelled `__defer_<n>` (the planner names
 * deferred parts by label, and the kit maps them back to their fragments by it), with the client's own label after a
 * colon (`__defer_0:reviews`) for the parts to carry; and every fragment spread whose fragment holds an @defer
 * replaced by an inline fragment, so that each place the fragment is used defers on its own (the planner gives one
 * deferred part per label). The same document when it has no @defer, or was labelled already.
 */
export function labelDeferredFragments(document: DocumentNode): DocumentNode {
  const defers: DirectiveNode[] = [];
  visit(document, {
    Directive(node) {
      if (node.name.value === 'defer') defers.push(node);
    },
  });
  if (defers.length === 0 || defers.every((node) => labelOf(node)?.startsWith(generatedLabelPrefix))) return document;
  let next = 0;
  const label = (node: DirectiveNode): DirectiveNode | undefined => {
    if (node.name.value !== 'defer') return undefined;
    const clientLabel = labelOf(node);
    const value = `${generatedLabelPrefix}${next++}${clientLabel === undefined ? '' : `:${clientLabel}`}`;
    const argument: ArgumentNode = {
      kind: Kind.ARGUMENT,
      name: { kind: Kind.NAME, value: 'label' },
      value: { kind: Kind.STRING, value },
    };
    return {
      ...node,
      arguments: [...(node.arguments ?? []).filter((existing) => existing.name.value !== 'label'), argument],
    };
  };
  return visit(withDeferringFragmentsInlined(document), { Directive: label });
}

/** The document with every spread of a fragment that holds an @defer (itself or through its spreads) inlined. */
function withDeferringFragmentsInlined(document: DocumentNode): DocumentNode {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const defers = new Map<string, boolean>();
  const holdsDefer = (name: string, seen: Set<string> = new Set()): boolean => {
    const known = defers.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment || seen.has(name)) return false;
    seen.add(name);
    let found = false;
    visit(fragment.selectionSet, {
      Directive(node) {
        if (node.name.value === 'defer') found = true;
      },
      FragmentSpread(node) {
        if (holdsDefer(node.name.value, seen)) found = true;
      },
    });
    defers.set(name, found);
    return found;
  };
  if (![...fragments.keys()].some((name) => holdsDefer(name))) return document;
  const inline = (selectionSet: SelectionSetNode): SelectionSetNode =>
    visit(selectionSet, {
      FragmentSpread(node) {
        const fragment = fragments.get(node.name.value);
        if (!fragment || !holdsDefer(node.name.value)) return undefined;
        const inlined: InlineFragmentNode = {
          kind: Kind.INLINE_FRAGMENT,
          typeCondition: fragment.typeCondition,
          ...(node.directives && { directives: node.directives }),
          selectionSet: inline(fragment.selectionSet),
        };
        return inlined;
      },
    });
  const definitions = document.definitions.map((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION
      ? { ...definition, selectionSet: inline(definition.selectionSet) }
      : definition,
  );
  // Fragments no longer spread anywhere go: a document with an unused fragment is not valid.
  const used = new Set<string>();
  visit(
    { ...document, definitions },
    {
      FragmentSpread(node) {
        used.add(node.name.value);
      },
    },
  );
  return {
    ...document,
    definitions: definitions.filter(
      (definition) => definition.kind !== Kind.FRAGMENT_DEFINITION || used.has(definition.name.value),
    ),
  };
}

/** Every @defer fragment of a labelled document, by label. */
export function deferredFragmentsOf(document: DocumentNode): Map<string, DeferredFragment> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const deferred = new Map<string, DeferredFragment>();
  const add = (node: InlineFragmentNode | FragmentSpreadNode) => {
    const defer = node.directives?.find((directive) => directive.name.value === 'defer');
    const label = defer && labelOf(defer);
    if (label === undefined) return;
    const colon = label.indexOf(':');
    const clientLabel = colon === -1 ? undefined : label.slice(colon + 1);
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

/**
 * The labels of the @defer fragments a request actually defers: those its @skip/@include values leave in the
 * operation, whose own `if` is not false (the planner plans every labelled fragment, whatever the variables).
 */
export function activeDeferLabels(
  selectionSet: SelectionSetNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  variables: Readonly<Record<string, unknown>>,
): Set<string> {
  const labels = new Set<string>();
  const walk = (selections: SelectionSetNode) => {
    for (const selection of selections.selections) {
      if (!isIncluded(selection, variables)) continue;
      if (selection.kind === Kind.FIELD) {
        if (selection.selectionSet) walk(selection.selectionSet);
        continue;
      }
      const defer = selection.directives?.find((directive) => directive.name.value === 'defer');
      const label = defer && labelOf(defer);
      if (label !== undefined && isDeferred(selection, variables)) labels.add(label);
      if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else {
        const fragment = fragments[selection.name.value];
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(selectionSet);
  return labels;
}

/** The document without its @defer directives (their fragments kept inline): what is answered whole. */
export function withoutDeferDirectives(document: DocumentNode): DocumentNode {
  return visit(document, {
    Directive(node) {
      return node.name.value === 'defer' ? null : undefined;
    },
  });
}
