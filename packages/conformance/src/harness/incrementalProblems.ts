import { isDeepStrictEqual } from 'node:util';
import { mergeParts, type IncrementalResponse } from '@bff/testing';
import type { ActiveDefer } from './activeDefersOf.js';
import type { HttpAnswer } from './compareResponses.js';

/** An error as the @defer oracle compares it: the parts may order errors otherwise than the whole answer. */
interface ComparedError {
  readonly message: unknown;
  readonly path: unknown;
  readonly code: unknown;
}

/** A JSON value with every object's keys sorted, recursively: parts merged in arrival order order keys otherwise. */
export function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => [key, sortedKeys(item)]),
  );
}

/** An item of a later part, as the deferSpec=20220824 format writes it. */
interface IncrementalItem {
  readonly data: unknown;
  readonly path: readonly (string | number)[];
  readonly label?: unknown;
}

function laterItems(response: IncrementalResponse): IncrementalItem[] {
  return response.parts.slice(1).flatMap((part) => (part.body['incremental'] as IncrementalItem[] | undefined) ?? []);
}

/** The shortest prefix of `path` (the root too) where `data` holds null, if any. */
function nullPrefix(data: unknown, path: readonly (string | number)[]): (string | number)[] | undefined {
  let value = data;
  for (let length = 0; ; length += 1) {
    if (value === null) return path.slice(0, length);
    if (length === path.length || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[path[length] as string | number];
  }
}

/** `data` with null at `path` (a copy along the path; the root when the path is empty). */
function withNullAt(data: unknown, path: readonly (string | number)[]): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return null;
  if (data === null || typeof data !== 'object') return data;
  const copy = (Array.isArray(data) ? [...(data as unknown[])] : { ...data }) as Record<string | number, unknown>;
  copy[key] = withNullAt(copy[key], rest);
  return copy;
}

function comparedErrors(errors: unknown): string[] {
  if (!Array.isArray(errors)) return [];
  return errors
    .map((error: { message?: unknown; path?: unknown; extensions?: { code?: unknown } }) => {
      const compared: ComparedError = { message: error.message, path: error.path, code: error.extensions?.code };
      return JSON.stringify(compared);
    })
    .sort();
}

/**
 * What is wrong with `deferred`, the answer in parts to an operation with `@defer`, given `plain`, the answer to the
 * same operation without it, and the operation's active `@defer`s: both 200; in parts when a part is due; `hasNext`
 * true on every part but the last; only the client's own labels, each top-level one with an object present; and the
 * parts merged equal to the plain answer (data with keys sorted; errors as a multiset of message, path and code).
 * A null that propagates stops at a deferred fragment's boundary (the RFC, and graphql-js 17 that Apollo Client's
 * deferSpec=20220824 follows: the item's `data` is null, its object stays): the plain answer must then be null there
 * or above, and the merged data is compared with that null put back. Empty when nothing is wrong.
 */
export function incrementalProblems(
  actives: readonly ActiveDefer[],
  deferred: IncrementalResponse,
  plain: HttpAnswer,
): string[] {
  const problems: string[] = [];
  if (deferred.status !== 200) problems.push(`the deferred request answered ${deferred.status}, not 200`);
  if (plain.status !== 200) problems.push(`the plain request answered ${plain.status}, not 200`);
  const multipart = deferred.contentType.startsWith('multipart/mixed');
  // A whole answer is allowed (the incremental delivery RFC lets a server ignore @defer): the kit answers whole what
  // its executor cannot defer (plans with data rewrites, selections the planner cannot defer). It must still equal
  // the answer given whole, checked below.
  if (multipart) {
    const hasNexts = deferred.parts.map((part) => part.body['hasNext']);
    const expected = deferred.parts.map((_, index) => index < deferred.parts.length - 1);
    if (deferred.parts.length < 2 || !isDeepStrictEqual(hasNexts, expected))
      problems.push(`hasNext of the parts is ${JSON.stringify(hasNexts)}, not true on each but the last (false)`);
    const items = laterItems(deferred);
    const sent = new Set(items.map((item) => item.label).filter((label) => label !== undefined));
    const labelled = new Set(actives.map((defer) => defer.label).filter((label) => label !== undefined));
    for (const label of sent)
      if (typeof label !== 'string' || !labelled.has(label))
        problems.push(`a part has label ${JSON.stringify(label)}, which no active @defer of the document has`);
    for (const defer of actives)
      if (defer.label !== undefined && defer.parentExists && !defer.nested && !sent.has(defer.label))
        problems.push(`no part has label "${defer.label}", though its @defer is active and its object is there`);
  }
  const merged = mergeParts(deferred.parts);
  const plainBody = (plain.body ?? {}) as { data?: unknown; errors?: unknown };
  const plainData = plainBody.data ?? null;
  let mergedData = merged.data;
  for (const item of laterItems(deferred)) {
    if (item.data !== null) continue;
    const nulled = nullPrefix(plainData, item.path);
    if (nulled) mergedData = withNullAt(mergedData, nulled);
    else problems.push(`a part is null at ${JSON.stringify(item.path)}, where the plain answer has its object`);
  }
  if (!isDeepStrictEqual(sortedKeys(mergedData), sortedKeys(plainData)))
    problems.push('the parts merged have other data than the plain answer');
  // Initial data null: the answer ends there, and the deferred fragments' fetches (which a whole answer runs, and
  // whose errors it lists) have nothing to add to. Its errors must be among the whole answer's.
  const initialIsNull = (deferred.parts[0]?.body['data'] ?? null) === null;
  const mergedErrors = comparedErrors(merged.errors);
  const plainErrors = comparedErrors(plainBody.errors);
  const errorsAgree = initialIsNull
    ? mergedErrors.every((error) => plainErrors.includes(error))
    : isDeepStrictEqual(mergedErrors, plainErrors);
  if (!errorsAgree) problems.push('the parts merged have other errors (message, path, code) than the plain answer');
  return problems;
}
