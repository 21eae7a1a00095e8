import {
  getArgumentValues,
  getNullableType,
  isAbstractType,
  isListType,
  isNonNullType,
  isObjectType,
  TypeNameMetaFieldDef,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type SelectionSetNode,
} from 'graphql';
import { allow } from 'graphql-shield';
import { ForbiddenError } from '../errors/ForbiddenError.js';
import { collectFields, subSelections, type CollectContext } from '../operation/collectFields.js';
import type { RuleBook } from './createRuleBook.js';
import type { ShieldRule } from './ruleTypes.js';
import type { RuleContext, RuleJudge } from './createRuleJudge.js';
import { deniedFieldMessage, deniedObjectMessage } from './deniedMessages.js';
import { resolveInfo, type InfoBase } from './resolveInfo.js';
import { hiddenKeyPrefix, hiddenTypenameKey } from './rewriteDocument.js';

/** Everything the walk over one response needs. */
export interface ResultWalk extends CollectContext {
  readonly book: RuleBook;
  readonly judge: RuleJudge;
  readonly ruleContext: RuleContext;
  readonly info: InfoBase;
  readonly errors: ForbiddenError[];
  /** Fields collected per selection set and runtime type, so list items share one collection. */
  readonly collected: Map<SelectionSetNode, Map<string, Map<string, FieldNode[]>>>;
  /** The sub-selections of a field's nodes (as collected above), so list items share them. */
  readonly subSelections: Map<readonly FieldNode[], SelectionSetNode[]>;
  /** Type rules whose answer depends on the request alone (shield's 'contextual' cache): decided once per response. */
  readonly contextualDecisions: Map<ShieldRule, { readonly message: string | undefined }>;
}

/**
 * Where a value is in the response, as a chain from the value to the root: built as the walk
 * descends without copying, and spelt out as an array only for an error or a rule's info.
 */
export type Path = { readonly parent: Path; readonly key: string | number } | undefined;

/** The walk's chain for a path spelt out as an array (a deferred part's). */
export function pathFromArray(keys: readonly (string | number)[]): Path {
  let path: Path;
  for (const key of keys) path = { parent: path, key };
  return path;
}
type ResponseObject = Record<string, unknown>;

/** A decision that is ready now or later: most fields are allowed outright, and need no promise. */
type Decision = boolean | Promise<boolean>;

/**
 * Decides every non-root field of a response with the rules of its type, given the parent object
 * as fetched (with the hidden fields its rules asked for). A denied field becomes null with a
 * FORBIDDEN error at its path; null in a non-null position propagates as GraphQL does. Hidden
 * fields are removed. Resolves false when `object` itself must become null. Synchronous where no
 * rule has to be evaluated, so the common all-allowed object costs no promise.
 */
export function authorizeObject(
  walk: ResultWalk,
  object: ResponseObject,
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
  path: Path,
  isRoot: boolean,
): Decision {
  const fields = collectFieldsOnce(walk, type, selectionSets);
  const objectRule = isRoot ? undefined : walk.book.objectRule(type.name);
  if (!objectRule) return authorizeFields(walk, object, type, fields, path, isRoot);
  // The rule's info names the first field of the type selected; with none (only `__typename`, or
  // every field skipped) the object is judged all the same, or its existence would go unguarded.
  const [firstKey, firstNodes] = [...fields].find(([, nodes]) => type.getFields()[nodes[0]?.name.value ?? '']) ??
    [...fields][0] ?? ['__typename', []];
  const firstField = type.getFields()[firstNodes[0]?.name.value ?? ''] ?? TypeNameMetaFieldDef;
  const decided = (message: string | undefined): Decision => {
    if (message === undefined) return authorizeFields(walk, object, type, fields, path, isRoot);
    walk.errors.push(new ForbiddenError(message, pathArray(path)));
    return false;
  };
  const known = walk.contextualDecisions.get(objectRule);
  if (known) return decided(known.message);
  const info = resolveInfo(walk.info, type, firstField, firstNodes, pathArray({ parent: path, key: firstKey }));
  return walk
    .judge(objectRule, parentOf(object), {}, walk.ruleContext, info, deniedObjectMessage(type.name))
    .then((message) => {
      if ((objectRule as { cache?: unknown }).cache === 'contextual')
        walk.contextualDecisions.set(objectRule, { message });
      return decided(message);
    });
}

function authorizeFields(
  walk: ResultWalk,
  object: ResponseObject,
  type: GraphQLObjectType,
  fields: Map<string, FieldNode[]>,
  path: Path,
  isRoot: boolean,
): Decision {
  let parent: ResponseObject | undefined;
  let keep = true;
  // Only what is still undecided: most fields are allowed and decided at once, with no promise.
  const pending: Promise<boolean>[] = [];
  for (const [key, nodes] of fields) {
    const node = nodes[0];
    if (!node) continue; // never: collectFields puts at least one node under a key
    const field = type.getFields()[node.name.value];
    if (!field) continue; // __typename and other introspection fields
    const rule = isRoot ? allow : walk.book.fieldRule(type.name, field.name);
    if (rule === allow) {
      const kept = descendField(walk, object, key, field.type, nodes, path);
      if (kept instanceof Promise) pending.push(kept);
      else keep &&= kept;
      continue;
    }
    parent ??= parentOf(object);
    const args = field.args.length > 0 ? getArgumentValues(field, node, walk.variables) : {};
    const info = resolveInfo(walk.info, type, field, nodes, pathArray({ parent: path, key }));
    pending.push(
      walk
        .judge(rule, parent, args, walk.ruleContext, info, deniedFieldMessage(type.name, field.name))
        .then((message) => {
          if (message === undefined) return descendField(walk, object, key, field.type, nodes, path);
          walk.errors.push(new ForbiddenError(message, pathArray({ parent: path, key })));
          return nullField(object, key, field.type);
        }),
    );
  }
  if (pending.length === 0) {
    removeHiddenFields(object);
    return keep;
  }
  return Promise.all(pending).then((kept) => {
    removeHiddenFields(object);
    return keep && kept.every(Boolean);
  });
}

/**
 * Walks the value under `key` (an allowed leaf needs nothing) and nulls it in place when it must
 * become null; false (now or later) when that null must propagate to `object`'s parent.
 */
function descendField(
  walk: ResultWalk,
  object: ResponseObject,
  key: string,
  type: GraphQLOutputType,
  nodes: readonly FieldNode[],
  path: Path,
): Decision {
  const value = object[key];
  if (value === null || value === undefined || !nodes[0]?.selectionSet) return true;
  const kept = authorizeValue(walk, value, type, subSelectionsOf(walk, nodes), { parent: path, key });
  if (kept instanceof Promise) return kept.then((itemKept) => itemKept || nullField(object, key, type));
  return kept || nullField(object, key, type);
}

/** Removes the fields the kit added for rules (selected under hidden aliases). */
function removeHiddenFields(object: ResponseObject): void {
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a response is JSON, not a Map: hidden keys must go
  for (const key in object) if (key.startsWith(hiddenKeyPrefix)) delete object[key];
}

/** Walks a field's value; false (now or later) when the value must become null. */
function authorizeValue(
  walk: ResultWalk,
  value: unknown,
  type: GraphQLOutputType,
  selectionSets: readonly SelectionSetNode[],
  path: Path,
): Decision {
  if (value === null || value === undefined || selectionSets.length === 0) return true;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = value as unknown[];
    const itemType = nullable.ofType;
    let keepList = true;
    let pending: Promise<boolean>[] | undefined;
    for (let index = 0; index < items.length; index += 1) {
      const kept = authorizeValue(walk, items[index], itemType, selectionSets, { parent: path, key: index });
      if (kept instanceof Promise) {
        (pending ??= []).push(
          kept.then((itemKept) => {
            if (!itemKept && !nullField(items, index, itemType)) keepList = false;
            return true;
          }),
        );
      } else if (!kept && !nullField(items, index, itemType)) keepList = false;
    }
    return pending ? Promise.all(pending).then(() => keepList) : keepList;
  }
  const object = value as ResponseObject;
  const runtimeType = isAbstractType(nullable)
    ? walk.schema.getType(String(object[hiddenTypenameKey] ?? object['__typename']))
    : nullable;
  if (!isObjectType(runtimeType)) return true;
  return authorizeObject(walk, object, runtimeType, selectionSets, path, false);
}

function collectFieldsOnce(
  walk: ResultWalk,
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
): Map<string, FieldNode[]> {
  const [only] = selectionSets;
  if (selectionSets.length !== 1 || !only) return collectFields(walk, type, selectionSets);
  let byType = walk.collected.get(only);
  if (!byType) walk.collected.set(only, (byType = new Map<string, Map<string, FieldNode[]>>()));
  let fields = byType.get(type.name);
  if (!fields) byType.set(type.name, (fields = collectFields(walk, type, selectionSets)));
  return fields;
}

/** The path as GraphQL errors and resolver infos carry it, root first. */
function pathArray(path: Path): (string | number)[] {
  const keys: (string | number)[] = [];
  for (let at = path; at; at = at.parent) keys.push(at.key);
  return keys.reverse();
}

/** Nulls a denied or nulled value in place; false when its type is non-null, so the null must propagate. */
function nullField(
  container: Record<string | number, unknown> | unknown[],
  key: string | number,
  type: GraphQLOutputType,
): boolean {
  (container as Record<string | number, unknown>)[key] = null;
  return !isNonNullType(type);
}

/** The sub-selections of a field's nodes, kept for the walk. */
function subSelectionsOf(walk: ResultWalk, nodes: readonly FieldNode[]): SelectionSetNode[] {
  let selections = walk.subSelections.get(nodes);
  if (!selections) walk.subSelections.set(nodes, (selections = subSelections(nodes)));
  return selections;
}

/** The parent a rule sees: the fields its fragment asked for, under their own names. */
function parentOf(object: ResponseObject): ResponseObject {
  const parent: ResponseObject = {};
  for (const [key, value] of Object.entries(object)) {
    if (key === hiddenTypenameKey) parent['__typename'] = value;
    else if (key.startsWith(hiddenKeyPrefix)) parent[key.slice(hiddenKeyPrefix.length)] = value;
  }
  return parent;
}
