import type { OperationLimits } from '../config/readProtectionConfig.js';
import { guardMeasures } from '../protection/limits/guardOperation.js';
import { noIntrospection } from '../protection/schema/noIntrospection.js';
import { useSuggestionHiding } from '../protection/schema/useSuggestionHiding.js';
import type { Stage } from './Stage.js';

/** Options of the guardOperation stage. */
export interface GuardOperationOptions {
  readonly limits: OperationLimits;
  /** Serve introspection (__schema, __type). @default true */
  readonly introspection?: boolean;
  /** Keep graphql-js's "Did you mean …?" in error messages. @default true */
  readonly fieldSuggestions?: boolean;
}

/**
 * guardOperation, once the operation is validated and before any subgraph is called: its cost
 * (and depth, aliases, root fields, directives again, for a document checkRequest never saw as
 * text: a persisted query sent by its hash) within the limits, else 400 OPERATION_TOO_COMPLEX;
 * introspection refused by a validation rule when it is off; suggestions taken out of messages
 * when they are off, so names of the schema do not leak to a client that guesses.
 */
export function guardOperation(options: GuardOperationOptions): Stage {
  const { limits } = options;
  return {
    name: 'guardOperation',
    apollo: { validationRules: options.introspection === false ? [noIntrospection] : [] },
    operation: { start: () => ({ didResolveOperation: (operation) => guardMeasures(operation.measures(), limits) }) },
    ...(options.fieldSuggestions === false && { plugins: [useSuggestionHiding()] }),
  };
}
