import {
  Kind,
  OperationTypeNode,
  type DefinitionNode,
  type DocumentNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { deferDirective, deferredInlineFragment, fragmentsAtNonQueryRoots } from './deferNodes.js';

/**
 * One document per selection set of the chosen operation (its root when it is a query, then every field's) and of the
 * fragment definitions, in document order: `document` with that set's selections all in `... @defer { … }`, labelled
 * `d<n>` in every other document (the first labelled) so both kinds are sent. Other operations are left alone.
 */
export function withEachSelectionDeferred(document: DocumentNode, operationName?: string): DocumentNode[] {
  const atNonQueryRoots = fragmentsAtNonQueryRoots(document);
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const chosen =
    operationName === undefined
      ? operations.length === 1
        ? operations[0]
        : undefined
      : operations.find((operation) => operation.name?.value === operationName);
  const documents: DocumentNode[] = [];
  for (let target = 0; ; target += 1) {
    let seen = 0;
    const selectionSet = (node: SelectionSetNode, deferrable: boolean): SelectionSetNode => {
      const index = deferrable ? seen++ : -1;
      const selections = node.selections.map(selection);
      if (index !== target) return { ...node, selections };
      const label = target % 2 === 0 ? `d${target}` : undefined;
      return { ...node, selections: [deferredInlineFragment(selections, deferDirective({ label }))] };
    };
    const selection = (node: SelectionNode): SelectionNode => {
      if (node.kind === Kind.FIELD && node.selectionSet)
        return { ...node, selectionSet: selectionSet(node.selectionSet, true) };
      return node.kind === Kind.INLINE_FRAGMENT
        ? { ...node, selectionSet: { ...node.selectionSet, selections: node.selectionSet.selections.map(selection) } }
        : node;
    };
    const definition = (node: DefinitionNode): DefinitionNode => {
      if (node === chosen)
        return { ...node, selectionSet: selectionSet(node.selectionSet, node.operation === OperationTypeNode.QUERY) };
      if (node.kind === Kind.FRAGMENT_DEFINITION)
        return { ...node, selectionSet: selectionSet(node.selectionSet, !atNonQueryRoots.has(node.name.value)) };
      return node;
    };
    const written = { ...document, definitions: document.definitions.map(definition) };
    if (seen <= target) return documents;
    documents.push(written);
  }
}
