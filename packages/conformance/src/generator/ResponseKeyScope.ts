/** One field as written under a response key: what must be identical for the key to be used again. */
export interface FieldEntry {
  readonly fieldName: string;
  /** The arguments as written, `(first: 2)` or the empty string. */
  readonly argumentsText: string;
  /** Each written argument's type, so that a repeat can check the field of another type takes the same. */
  readonly argumentTypes: ReadonlyMap<string, string>;
  /** The field's return type, printed (`[Product!]!`). */
  readonly typeText: string;
  /** Variables the arguments use, recorded again when the field is repeated elsewhere. */
  readonly variables: readonly string[];
}

interface KeyedField {
  readonly entry: FieldEntry;
  readonly children: FieldTree;
}

/** The response keys of one merged selection set, each with the field written there and its own merged children. */
export class FieldTree {
  readonly fields = new Map<string, KeyedField>();

  /** A copy that later additions to either do not reach. */
  copy(): FieldTree {
    const copy = new FieldTree();
    for (const [key, { entry, children }] of this.fields) copy.fields.set(key, { entry, children: children.copy() });
    return copy;
  }
}

/** What makes two fields under one key mergeable here: same field, same arguments as written, same type. */
function signatureOf(entry: FieldEntry): string {
  return `${entry.fieldName}${entry.argumentsText}: ${entry.typeText}`;
}

function treesAgree(into: FieldTree, from: FieldTree): boolean {
  for (const [key, field] of from.fields) {
    const existing = into.fields.get(key);
    if (existing === undefined) continue;
    if (signatureOf(existing.entry) !== signatureOf(field.entry)) return false;
    if (!treesAgree(existing.children, field.children)) return false;
  }
  return true;
}

function mergeTree(into: FieldTree, from: FieldTree): void {
  for (const [key, field] of from.fields) {
    const existing = into.fields.get(key);
    if (existing === undefined) into.fields.set(key, { entry: field.entry, children: field.children.copy() });
    else mergeTree(existing.children, field.children);
  }
}

/**
 * Keeps a document within OverlappingFieldsCanBeMerged by the simplest rule that is always safe: a
 * response key is used again only by the identical field (name, arguments as written, return type),
 * and the sub-selections of all its uses merge into one tree checked the same way.
 *
 * A scope holds several trees when a named fragment is being written: the fragment's own tree
 * (remembered, to check later spreads of it) and the trees of the selection it is spread into.
 */
export class ResponseKeyScope {
  constructor(readonly trees: readonly FieldTree[]) {}

  /** The scope of one operation's root selection set. */
  static root(): ResponseKeyScope {
    return new ResponseKeyScope([new FieldTree()]);
  }

  /** This scope and `tree` too: the body of a fragment being written here. */
  including(tree: FieldTree): ResponseKeyScope {
    return new ResponseKeyScope([tree, ...this.trees]);
  }

  /** Whether `key` may be written with `entry` here. */
  accepts(key: string, entry: FieldEntry): boolean {
    const signature = signatureOf(entry);
    return this.trees.every((tree) => {
      const existing = tree.fields.get(key);
      return existing === undefined || signatureOf(existing.entry) === signature;
    });
  }

  /** Records `entry` under `key` (accepted) and returns the scope of its sub-selection. */
  add(key: string, entry: FieldEntry): ResponseKeyScope {
    const children = this.trees.map((tree) => {
      let field = tree.fields.get(key);
      if (field === undefined) {
        field = { entry, children: new FieldTree() };
        tree.fields.set(key, field);
      }
      return field.children;
    });
    return new ResponseKeyScope(children);
  }

  /** Every key written here so far with its entry (the first tree's wins: all agree). */
  entries(): [key: string, entry: FieldEntry][] {
    const entries = new Map<string, FieldEntry>();
    for (const tree of this.trees)
      for (const [key, { entry }] of tree.fields) if (!entries.has(key)) entries.set(key, entry);
    return [...entries];
  }

  /** Whether a finished fragment's fields can be spread here. */
  canMerge(tree: FieldTree): boolean {
    return this.trees.every((own) => treesAgree(own, tree));
  }

  /** Records a spread fragment's fields here (`canMerge` was true). */
  merge(tree: FieldTree): void {
    for (const own of this.trees) mergeTree(own, tree);
  }
}
