import {
  Kind,
  OperationTypeNode,
  type DefinitionNode,
  type DirectiveNode,
  type DocumentNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Choices } from './Choices.js';
import { deferDirective, deferredInlineFragment, fragmentsAtNonQueryRoots, hasDefer } from './deferNodes.js';

/** How often, in percent, each kind of `@defer` is written where it may be. */
const percent = {
  /** A selection set gets some of its selections wrapped in `... @defer { … }`. */
  wrapped: 30,
  /** The wrap takes every selection of the set (else each one by a coin toss, at least one). */
  whole: 40,
  /** Inside a new deferred fragment, part of it deferred again. */
  nested: 25,
  /** An existing inline fragment with a type condition gets `@defer`. */
  typedFragment: 25,
  /** An existing fragment spread gets `@defer`. */
  spread: 15,
  /** A new `@defer` has a label (`d0`, `d1`, …: unique in the document). */
  labelled: 50,
  /** A new `@defer` is `@defer(if: false)`: not deferred at all. */
  ifFalse: 15,
} as const;

/**
 * `document` with `@defer` added at random where the incremental delivery RFC allows it: some selection sets (object
 * fields' and query roots') get some or all of their selections wrapped in `... @defer { … }`, sometimes again inside
 * the new fragment; some existing inline fragments with a type condition and fragment spreads get `@defer`. Each
 * `@defer` has a unique label or none, and some are `if: false`. The roots of mutations and subscriptions get none.
 * Every decision is a `chance`, so shrinking leaves `@defer` out. The document answers as it did without them.
 */
export function withRandomDefers(document: DocumentNode, choices: Choices): DocumentNode {
  const atNonQueryRoots = fragmentsAtNonQueryRoots(document);
  let labels = 0;

  const directive = (): DirectiveNode => {
    const label = choices.chance(percent.labelled) ? `d${labels++}` : undefined;
    return deferDirective({ label, ifFalse: choices.chance(percent.ifFalse) });
  };

  /** Wraps some of `selections` in a deferred fragment (all, when there is one or the draw says whole). */
  const wrap = (selections: readonly SelectionNode[]): SelectionNode[] => {
    const whole = selections.length === 1 || choices.chance(percent.whole);
    const inSet = whole ? selections.map(() => true) : selections.map(() => choices.chance(50));
    if (!inSet.includes(true)) inSet[inSet.length - 1] = true;
    const deferred = selections.filter((_, index) => inSet[index]);
    const kept = selections.filter((_, index) => !inSet[index]);
    const written = directive();
    const inner = deferred.length > 0 && choices.chance(percent.nested) ? wrap(deferred) : deferred;
    return [...kept, deferredInlineFragment(inner, written)];
  };

  const selection = (node: SelectionNode, deferrable: boolean): SelectionNode => {
    switch (node.kind) {
      case Kind.FIELD:
        return node.selectionSet ? { ...node, selectionSet: selectionSet(node.selectionSet, true) } : node;
      case Kind.INLINE_FRAGMENT: {
        const deferred =
          deferrable && node.typeCondition !== undefined && !hasDefer(node) && choices.chance(percent.typedFragment);
        const directives = deferred ? [...(node.directives ?? []), directive()] : node.directives;
        return { ...node, directives, selectionSet: selectionSet(node.selectionSet, deferrable) };
      }
      case Kind.FRAGMENT_SPREAD:
        return deferrable && !hasDefer(node) && choices.chance(percent.spread)
          ? { ...node, directives: [...(node.directives ?? []), directive()] }
          : node;
    }
  };

  const selectionSet = (node: SelectionSetNode, deferrable: boolean): SelectionSetNode => {
    const selections = node.selections.map((child) => selection(child, deferrable));
    return {
      ...node,
      selections: deferrable && choices.chance(percent.wrapped) ? wrap(selections) : selections,
    };
  };

  const definition = (node: DefinitionNode): DefinitionNode => {
    if (node.kind === Kind.OPERATION_DEFINITION)
      return { ...node, selectionSet: selectionSet(node.selectionSet, node.operation === OperationTypeNode.QUERY) };
    if (node.kind === Kind.FRAGMENT_DEFINITION)
      return { ...node, selectionSet: selectionSet(node.selectionSet, !atNonQueryRoots.has(node.name.value)) };
    return node;
  };

  return { ...document, definitions: document.definitions.map(definition) };
}
