import type { Logger } from '@apollo/utils.logger';
import { maskError } from '../errors/maskError.js';
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
 * logged whole. The gateway's notes on repaired nullability (`valueCompletion`) go to the debug log.
 */
export function maskErrors(options: MaskErrorsOptions): Stage {
  const { logger } = options;
  return {
    name: 'maskErrors',
    apollo: {
      formatError: (formatted, original) =>
        maskError(formatted, original, (masked) => {
          const stack = (original as Partial<Error> | null | undefined)?.stack;
          logger.error(`masked error: ${JSON.stringify(masked)} ${String(stack ?? original)}`);
        }),
    },
    plugins: [useValueCompletionLogging()],
  };
}
