import {
  getArgumentValues,
  getNullableType,
  isAbstractType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type SelectionSetNode,
} from 'graphql';
import { allow } from 'graphql-shield';
import { ForbiddenError } from '../errors/ForbiddenError.js';
import { collectFields, subSelections, type CollectContext } from './collectFields.js';
import type { RuleBook } from './createRuleBook.js';
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
}

type Path = readonly (string | number)[];
type ResponseObject = Record<string, unknown>;

/**
 * Decides every non-root field of a response with the rules of its type, given the parent object
 * as fetched (with the hidden fields its rules asked for). A denied field becomes null with a
 * FORBIDDEN error at its path; null in a non-null position propagates as GraphQL does. Hidden
 * fields are removed. Resolves false when `object` itself must become null.
 */
export async function authorizeObject(walk: ResultWalk, object: ResponseObject, type: GraphQLObjectType, selectionSets: readonly SelectionSetNode[], path: Path, isRoot: boolean): Promise<boolean> {
  const parent = parentOf(object);
  const objectRule = isRoot ? undefined : walk.book.objectRule(type.name);
  const fields = collectFields(walk, type, selectionSets);
  if (objectRule) {
    const [firstKey, firstNodes] = [...fields].find(([, nodes]) => nodes[0]?.name.value !== '__typename') ?? [];
    const field = firstNodes && type.getFields()[firstNodes[0]!.name.value];
    if (field && firstKey !== undefined) {
      const info = resolveInfo(walk.info, type, field, firstNodes, [...path, firstKey]);
      const message = await walk.judge(objectRule, parent, {}, walk.ruleContext, info, deniedObjectMessage(type.name));
      if (message !== undefined) {
        walk.errors.push(new ForbiddenError(message, path));
        return false;
      }
    }
  }
  let keep = true;
  await Promise.all(
    [...fields].map(async ([key, nodes]) => {
      const node = nodes[0]!;
      const field = type.getFields()[node.name.value];
      if (!field) return; // __typename and other introspection fields
      const fieldPath = [...path, key];
      if (!isRoot) {
        const rule = walk.book.fieldRule(type.name, field.name);
        const message =
          rule === allow
            ? undefined
            : await walk.judge(
                rule,
                parent,
                field.args.length > 0 ? getArgumentValues(field, node, walk.variables as Record<string, unknown>) : {},
                walk.ruleContext,
                resolveInfo(walk.info, type, field, nodes, fieldPath),
                deniedFieldMessage(type.name, field.name),
              );
        if (message !== undefined) {
          walk.errors.push(new ForbiddenError(message, fieldPath));
          object[key] = null;
          if (isNonNullType(field.type)) keep = false;
          return;
        }
      }
      const valueKept = await authorizeValue(walk, object[key], field.type, subSelections(nodes), fieldPath);
      if (!valueKept) {
        object[key] = null;
        if (isNonNullType(field.type)) keep = false;
      }
    }),
  );
  for (const key of Object.keys(object)) if (key.startsWith(hiddenKeyPrefix)) delete object[key];
  return keep;
}

/** Walks a field's value; resolves false when the value must become null. */
async function authorizeValue(walk: ResultWalk, value: unknown, type: GraphQLOutputType, selectionSets: readonly SelectionSetNode[], path: Path): Promise<boolean> {
  if (value === null || value === undefined || selectionSets.length === 0) return true;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = value as unknown[];
    const kept = await Promise.all(items.map((item, index) => authorizeValue(walk, item, nullable.ofType, selectionSets, [...path, index])));
    let keepList = true;
    kept.forEach((itemKept, index) => {
      if (itemKept) return;
      items[index] = null;
      if (isNonNullType(nullable.ofType)) keepList = false;
    });
    return keepList;
  }
  const object = value as ResponseObject;
  const runtimeType = isAbstractType(nullable) ? walk.schema.getType(String(object[hiddenTypenameKey] ?? object['__typename'])) : nullable;
  if (!isObjectType(runtimeType)) return true;
  return authorizeObject(walk, object, runtimeType, selectionSets, path, false);
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
