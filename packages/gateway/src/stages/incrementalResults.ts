import type { GatewayExecutionResult, GatewayInterface } from '@apollo/server-gateway-interface';
import type { GraphQLError } from 'graphql';
import type { DeferredPayload, KitExecutionResult } from '../core/IncrementalResult.js';
import { wrapExecutor } from '../gateway/wrapExecutor.js';

/** A later payload as Apollo Server writes it in `multipart/mixed; deferSpec=20220824` (graphql-js 17 alpha 2). */
export interface SubsequentResult {
  readonly incremental?: readonly {
    readonly data: Record<string, unknown> | null;
    readonly path: readonly (string | number)[];
    readonly label?: string;
    readonly errors?: readonly GraphQLError[];
  }[];
  readonly hasNext: boolean;
}

/**
 * The request path's gateway as Apollo Server takes it: a result with later parts becomes the initial result with
 * `subsequentResults` (the kit's patch to Apollo Server makes that an incremental response, whose parts get
 * formatError). A part is sent only where its object is in the initial answer as the stages left it: under a field a
 * rule denied, or a null that propagated, there is nothing to add to.
 */
export function withIncrementalResults(gateway: GatewayInterface): GatewayInterface {
  return wrapExecutor(gateway, (executor) => async (context) => {
    const result: KitExecutionResult = await executor(context);
    if (!result.later) return result;
    const { later, ...initial } = result;
    const subsequentResults = subsequentResultsOf(later, initial.data);
    return { ...initial, subsequentResults } as GatewayExecutionResult;
  });
}

async function* subsequentResultsOf(
  later: AsyncIterable<DeferredPayload>,
  initialData: Record<string, unknown> | null | undefined,
): AsyncGenerator<SubsequentResult> {
  for await (const { parts, hasNext } of later) {
    const incremental = parts
      .filter((part) => objectAt(initialData, part.path) !== undefined)
      .map(({ data, path, clientLabel, errors }) => ({
        data,
        path,
        ...(clientLabel !== undefined && { label: clientLabel }),
        ...(errors.length > 0 && { errors }),
      }));
    if (incremental.length > 0) yield { incremental, hasNext };
    else if (!hasNext) yield { hasNext };
  }
}

/** The object at `path` in `data`, if there is one there. */
function objectAt(data: unknown, path: readonly (string | number)[]): object | undefined {
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value !== null && typeof value === 'object' ? value : undefined;
}
