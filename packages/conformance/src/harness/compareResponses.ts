import { isDeepStrictEqual } from 'node:util';
import {
  codesWithComparedMessages,
  downstreamCodes,
  subgraphCodesInHttpError,
  subgraphCodesKept,
  unresolvedOperation,
} from './intendedDifferences.js';

/** A GraphQL-over-HTTP answer as both gateways are compared on it. */
export interface HttpAnswer {
  readonly status: number;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  readonly body: unknown;
}

/** An error as compared: where it is, its code, and its message where both must agree on it. */
interface ComparedError {
  readonly path?: readonly (string | number)[];
  readonly code?: string;
  readonly message?: string;
}

/** An answer reduced to what must agree (see intendedDifferences.ts). */
export interface ComparedAnswer {
  readonly status: number;
  readonly data?: unknown;
  readonly errors?: readonly ComparedError[];
  /** A body that was not a GraphQL response. */
  readonly text?: string;
}

type RawError = { message?: unknown; path?: unknown; extensions?: Record<string, unknown> };

function compareError(error: RawError, side: 'stock' | 'kit'): ComparedError[] {
  const codesInHttpError = side === 'stock' ? subgraphCodesInHttpError(error.extensions) : undefined;
  const ownCode = typeof error.extensions?.['code'] === 'string' ? error.extensions['code'] : undefined;
  const fromSubgraph = codesInHttpError !== undefined || typeof error.extensions?.['serviceName'] === 'string';
  return (codesInHttpError ?? [ownCode]).map((given) => {
    let code = given;
    if (side === 'stock' && fromSubgraph && !subgraphCodesKept.has(code ?? '')) code = 'DOWNSTREAM_SERVICE_ERROR';
    if (code && downstreamCodes.has(code)) code = 'DOWNSTREAM_SERVICE_ERROR';
    const compareMessage = code !== undefined && codesWithComparedMessages.has(code) && !fromSubgraph;
    return {
      ...(Array.isArray(error.path) && { path: error.path as (string | number)[] }),
      ...(code !== undefined && { code }),
      ...(compareMessage && { message: String(error.message) }),
    };
  });
}

function sortErrors(errors: ComparedError[]): ComparedError[] {
  const key = (error: ComparedError) => JSON.stringify([error.path ?? [], error.code ?? '', error.message ?? '']);
  return errors.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Reduces one gateway's answer to the parts the conformance suite compares. */
export function comparedAnswer(answer: HttpAnswer, side: 'stock' | 'kit'): ComparedAnswer {
  const body = answer.body;
  if (typeof body !== 'object' || body === null) return { status: answer.status, text: String(body) };
  const { data, errors } = body as { data?: unknown; errors?: RawError[] };
  const unresolved = side === 'stock' ? unresolvedOperation.stock : unresolvedOperation.kit;
  const aboutOperation = side === 'kit' || /operation/i.test(String(errors?.[0]?.message));
  if (
    data === undefined &&
    errors?.length === 1 &&
    answer.status === unresolved.status &&
    errors[0]?.extensions?.['code'] === unresolved.code &&
    aboutOperation
  ) {
    return { status: unresolvedOperation.kit.status, errors: [{ code: unresolvedOperation.kit.code }] };
  }
  return {
    status: answer.status,
    ...(data !== undefined && { data }),
    ...(errors !== undefined && {
      errors: sortErrors(
        markedBeneathNulls(
          errors.flatMap((error) => compareError(error, side)),
          data,
        ),
      ),
    }),
  };
}

/**
 * True when the kit's answer agrees with stock's but for the intended differences; the order of
 * fields in `data` counts.
 */
export function answersAgree(stock: ComparedAnswer, kit: ComparedAnswer): boolean {
  return isDeepStrictEqual(stock, kit) && JSON.stringify(stock.data) === JSON.stringify(kit.data);
}

/** The value at `path` in `data`, or undefined when the path leaves the data. */
function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** The part of a path before its first list index: the list an entity fetch's errors are about. */
function listOf(path: readonly (string | number)[]): string {
  const firstIndex = path.findIndex((key) => typeof key === 'number');
  return JSON.stringify(firstIndex < 0 ? path : path.slice(0, firstIndex));
}

/**
 * Stock's answer with each misplaced entity error (its path ends in a key its parent object lacks)
 * replaced by the kit's error it stands for, when the kit has one (intendedDifferences.ts:
 * misplacedStockErrors); undefined when stock has none or one cannot be matched.
 */
export function withMisplacedErrorsMatched(stock: ComparedAnswer, kit: ComparedAnswer): ComparedAnswer | undefined {
  const misplaced = (stock.errors ?? []).filter(
    (error): error is ComparedError & { readonly path: readonly (string | number)[] } =>
      error.path !== undefined &&
      error.path.length > 1 &&
      valueAt(stock.data, error.path) === undefined &&
      valueAt(stock.data, error.path.slice(0, -1)) !== undefined,
  );
  if (misplaced.length === 0) return undefined;
  const unmatched = (kit.errors ?? []).filter(
    (error) => !(stock.errors ?? []).some((candidate) => JSON.stringify(candidate) === JSON.stringify(error)),
  );
  const replacements: ComparedError[] = [];
  for (const error of misplaced) {
    const index = unmatched.findIndex(
      (candidate) =>
        candidate.code === error.code &&
        candidate.path &&
        listOf(candidate.path) === listOf(error.path) &&
        valueAt(kit.data, candidate.path) === null,
    );
    if (index < 0) return undefined;
    replacements.push(...unmatched.splice(index, 1));
  }
  const replaced = new Set<ComparedError>(misplaced);
  const kept = (stock.errors ?? []).filter((error) => !replaced.has(error));
  return { ...stock, errors: sortErrors([...kept, ...replacements]) };
}

/**
 * The errors with those beneath a nulled object (a path that passes through a null before its
 * end) replaced by one marker per such null (intendedDifferences.ts: errorsBeneathNull).
 */
function markedBeneathNulls(errors: ComparedError[], data: unknown): ComparedError[] {
  const markers = new Map<string, ComparedError>();
  const kept = errors.filter((error) => {
    const path = error.path ?? [];
    // From the root: `data: null` is the null a non-null root field's error caused.
    for (let end = 0; end < path.length; end += 1) {
      if (valueAt(data, path.slice(0, end)) !== null) continue;
      const nulled = path.slice(0, end);
      markers.set(JSON.stringify(nulled), { path: nulled, code: 'ERRORS BENEATH THIS NULL' });
      return false;
    }
    return true;
  });
  return [...kept, ...markers.values()];
}
