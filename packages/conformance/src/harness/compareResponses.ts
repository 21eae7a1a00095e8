import { isDeepStrictEqual } from 'node:util';
import { codesWithComparedMessages, downstreamCodes, subgraphCodesKept, unresolvedOperation } from './intendedDifferences.js';

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
  readonly valueCompletion?: readonly ComparedError[];
  /** A body that was not a GraphQL response. */
  readonly text?: string;
}

type RawError = { message?: unknown; path?: unknown; extensions?: Record<string, unknown> };

function compareError(error: RawError, side: 'stock' | 'kit'): ComparedError {
  let code = typeof error.extensions?.['code'] === 'string' ? error.extensions['code'] : undefined;
  const fromSubgraph = typeof error.extensions?.['serviceName'] === 'string';
  if (side === 'stock' && fromSubgraph && !subgraphCodesKept.has(code ?? '')) code = 'DOWNSTREAM_SERVICE_ERROR';
  if (code && downstreamCodes.has(code)) code = 'DOWNSTREAM_SERVICE_ERROR';
  const compareMessage = code !== undefined && codesWithComparedMessages.has(code) && !fromSubgraph;
  return {
    ...(Array.isArray(error.path) && { path: error.path as (string | number)[] }),
    ...(code !== undefined && { code }),
    ...(compareMessage && { message: String(error.message) }),
  };
}

function sortErrors(errors: ComparedError[]): ComparedError[] {
  const key = (error: ComparedError) => JSON.stringify([error.path ?? [], error.code ?? '', error.message ?? '']);
  return errors.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Reduces one gateway's answer to the parts the conformance suite compares. */
export function comparedAnswer(answer: HttpAnswer, side: 'stock' | 'kit'): ComparedAnswer {
  const body = answer.body;
  if (typeof body !== 'object' || body === null) return { status: answer.status, text: String(body) };
  const { data, errors, extensions } = body as { data?: unknown; errors?: RawError[]; extensions?: { valueCompletion?: RawError[] } };
  const unresolved = side === 'stock' ? unresolvedOperation.stock : unresolvedOperation.kit;
  if (data === undefined && errors?.length === 1 && answer.status === unresolved.status && errors[0]?.extensions?.['code'] === unresolved.code) {
    return { status: unresolvedOperation.kit.status, errors: [{ code: unresolvedOperation.kit.code }] };
  }
  return {
    status: answer.status,
    ...(data !== undefined && { data }),
    ...(errors !== undefined && { errors: sortErrors(errors.map((error) => compareError(error, side))) }),
    ...(extensions?.valueCompletion !== undefined && { valueCompletion: sortErrors(extensions.valueCompletion.map((error) => compareError(error, side))) }),
  };
}

/** True when the kit's answer agrees with stock's but for the intended differences; the order of fields in `data` counts. */
export function answersAgree(stock: ComparedAnswer, kit: ComparedAnswer): boolean {
  return isDeepStrictEqual(stock, kit) && JSON.stringify(stock.data) === JSON.stringify(kit.data);
}
