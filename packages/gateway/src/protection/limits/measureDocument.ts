import { Kind, visit, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { introspectionFieldNames } from '../../operation/introspectionFields.js';

/**
 * What a document measures without its schema: what guardOperation compares with the limits
 * before validation, so that a document over one gets one error, not one per unknown field or
 * directive (and costs no validation). Unknown fields and directives count like known ones.
 */
export interface DocumentMeasures {
  /**
   * Deepest nesting of fields in any operation of the document, through fragment spreads;
   * `__schema` and `__type` are not counted, nor what they select (introspection has its own
   * switch): a fragment is measured where an operation spreads it, so the introspection query's
   * deep `TypeRef` fragment counts only under `__schema`, that is not at all. A fragment no
   * operation spreads is refused by validation, with one error.
   */
  readonly depth: number;
  /** Aliased fields in the whole document, each fragment counted once. */
  readonly aliases: number;
  /** Distinct response keys at the root of the document's operation that has the most, through fragments. */
  readonly rootFields: number;
  /** Directives anywhere in the document. */
  readonly directives: number;
}

/**
 * The schema-free measures of a parsed, not yet validated document. Every operation counts,
 * not only the one a request names: validation reads them all. (For a valid document of
 * one operation they are that operation's measures.) Each fragment's depth is measured once
 * (memoised), so a document that spreads fragments many times over costs time in its size, not
 * in its expansion, while the depth counts the expansion. Its callers keep what it measures: per
 * text before validation (createSourceFacts), per operation and variables after (measureOperationOnce).
 * A fragment cycle (a validation error) is cut where it closes: a spread of a fragment being measured adds nothing.
 */
export function measureDocument(document: DocumentNode): DocumentMeasures {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const fragmentDepths = new Map<string, number>();
  const fragmentDepth = (name: string): number => {
    let depth = fragmentDepths.get(name);
    if (depth !== undefined) return depth;
    fragmentDepths.set(name, 0);
    const fragment = fragments.get(name);
    depth = fragment ? selectionDepth(fragment.selectionSet, fragmentDepth) : 0;
    fragmentDepths.set(name, depth);
    return depth;
  };
  let depth = 0;
  let rootFields = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    depth = Math.max(depth, selectionDepth(definition.selectionSet, fragmentDepth));
    rootFields = Math.max(rootFields, countRootFields(fragments, definition.selectionSet, new Set(), new Set()));
  }
  return { depth, rootFields, ...countInDocument(document) };
}

function selectionDepth(selectionSet: SelectionSetNode, fragmentDepth: (name: string) => number): number {
  let depth = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (introspectionFieldNames.has(selection.name.value)) continue;
      depth = Math.max(depth, 1 + (selection.selectionSet ? selectionDepth(selection.selectionSet, fragmentDepth) : 0));
    } else if (selection.kind === Kind.INLINE_FRAGMENT)
      depth = Math.max(depth, selectionDepth(selection.selectionSet, fragmentDepth));
    else depth = Math.max(depth, fragmentDepth(selection.name.value));
  }
  return depth;
}

/**
 * Response keys at the root, through fragment spreads and inline fragments (each fragment once).
 * Keys are distinct per operation, so this walks each operation on its own: a document of many
 * operations spreading one large fragment costs operations × fragment, which the token limit
 * (checked before parsing) bounds.
 */
function countRootFields(
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  selectionSet: SelectionSetNode,
  keys: Set<string>,
  seen: Set<string>,
): number {
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
  let aliases = 0;
  let directives = 0;
  visit(document, {
    Field: (node) => {
      if (node.alias) aliases += 1;
    },
    Directive: () => {
      directives += 1;
    },
  });
  return { aliases, directives };
}
