import type { Logger } from '@apollo/utils.logger';
import type { GatewayExecutionResult } from '@apollo/server-gateway-interface';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { KitExecutionResult } from '../core/IncrementalResult.js';
import { mapAsyncIterator } from '../core/mapAsyncIterator.js';
import { maskError, type MaskedErrorReporter } from '../errors/maskError.js';
import { wrapExecutor } from '../gateway/wrapExecutor.js';
import { useValueCompletionLogging } from '../plugins/useValueCompletionLogging.js';
import type { Stage } from './Stage.js';

/** Options of the maskErrors stage. */
export interface MaskErrorsOptions {
  /** Where a masked error is logged whole (with its stack). */
  readonly logger: Logger;
}

/**
 * maskErrors: no internals reach a client. Our own errors and GraphQL's pass with their codes; a
 * subgraph's keep theirs with `serviceName`; anything else becomes "Unexpected error." and is
 * logged whole. Apollo Server's formatError does it for answers and @defer parts; a subscription's
 * events, which Apollo Server never sees, are masked here as they come. The gateway's notes on
 * repaired nullability (`valueCompletion`) go to the debug log.
 */
export function maskErrors(options: MaskErrorsOptions): Stage {
  const { logger } = options;
  const report: MaskedErrorReporter = (masked, original) => {
    const stack = (original as Partial<Error> | null | undefined)?.stack;
    logger.error(`masked error: ${JSON.stringify(masked)} ${String(stack ?? original)}`);
  };
  return {
    name: 'maskErrors',
    apollo: { formatError: (formatted, original) => maskError(formatted, original, report) },
    gateway: (inner) =>
      wrapExecutor(inner, (executor) => async (context) => {
        const result: KitExecutionResult = await executor(context);
        if (!result.events) return result;
        return { ...result, events: mapAsyncIterator(result.events, (event) => maskedEvent(event, report)) };
      }),
    plugins: [useValueCompletionLogging()],
  };
}

function maskedEvent(event: GatewayExecutionResult, report: MaskedErrorReporter): GatewayExecutionResult {
  if (!event.errors?.length) return event;
  const errors = event.errors.map((error: GraphQLError) => {
    // As Apollo Server formats an error: its JSON, without the HTTP status the kit's errors carry for it.
    const json: GraphQLFormattedError = typeof error.toJSON === 'function' ? error.toJSON() : error;
    const { http: _http, ...extensions } = json.extensions ?? {};
    return maskError({ ...json, extensions }, error, report);
  });
  return { ...event, errors: errors as unknown as GraphQLError[] };
}
