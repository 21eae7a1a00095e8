import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { choicesFromGenerator } from './Choices.js';
import { DocumentWriter, type WriterLimits, type WriterSchema } from './DocumentWriter.js';
import type { GeneratedRequest } from './GeneratedRequest.js';
import type { ArgumentValues } from './InputValueWriter.js';
import { typeConditionsOf } from './typeConditions.js';

export type { GeneratedRequest } from './GeneratedRequest.js';
export type { ArgumentValues } from './InputValueWriter.js';

/** How `arbitraryOperation` writes documents. */
export interface ArbitraryOperationOptions {
  /**
   * Write mutations too (from the Mutation root, in about three operations in ten). Off as
   * mutations change fixtures' state. @default false
   */
  mutations?: boolean;
  /** Field levels below the root, the root's fields being level 1; deeper fields are not selected. @default 4 */
  maxDepth?: number;
  /**
   * Fields written per document, about (a selection set always gets at least one); keeps documents
   * small. @default 30
   */
  maxFields?: number;
  /**
   * Values to use for arguments and input fields instead of the built-in small pools (Int 0–5 and
   * -1, String 'a' 'b' '', ID '1' '2' 'unknown'), e.g. ids that exist in a fixture's data: keyed by
   * schema coordinate (`Query.product(upc:)`, `OrderLineInput.upc`) or by bare name (`upc`), the
   * coordinate winning. Custom scalars get values only from here; fields needing one otherwise are skipped.
   * @default {}
   */
  argumentValues?: ArgumentValues;
}

export const defaultMaxDepth = 4;
export const defaultMaxFields = 30;

/**
 * Random requests valid against `schema` (graphql-js `validate` finds nothing; the variables coerce
 * with `getVariableValues`), walked from the Query root (and the Mutation root when asked):
 * documents of one to three operations with `operationName` choosing one, named fragments spread
 * once or several times, inline fragments with and without type conditions (on abstract types:
 * each possible type, the type itself, interfaces and unions the possible types share), aliases
 * (the same field twice with other arguments), `__typename`, `@skip`/`@include` with literals and
 * Boolean variables, and arguments as literals or variables (with and without defaults, sometimes
 * omitted so the default applies, sometimes an explicit null where null is allowed).
 *
 * Driven by `fc.gen()`: a run's seed and path replay a document exactly, and shrinking takes
 * the simpler branch of each decision.
 */
export function arbitraryOperation(
  schema: GraphQLSchema,
  options: ArbitraryOperationOptions = {},
): fc.Arbitrary<GeneratedRequest> {
  const limits = checkedLimits(options);
  if (schema.getQueryType() === undefined || schema.getQueryType() === null) {
    throw new TypeError('arbitraryOperation needs a schema with a Query root type, but got one without');
  }
  const target: WriterSchema = { schema, typeConditions: typeConditionsOf(schema) };
  return fc.gen().map((generate) => new DocumentWriter(target, choicesFromGenerator(generate), limits).write());
}

function checkedLimits(options: ArbitraryOperationOptions): WriterLimits {
  const maxDepth = options.maxDepth ?? defaultMaxDepth;
  const maxFields = options.maxFields ?? defaultMaxFields;
  if (!Number.isInteger(maxDepth) || maxDepth < 1)
    throw new RangeError(`maxDepth must be an integer of at least 1, but got: ${String(maxDepth)}`);
  if (!Number.isInteger(maxFields) || maxFields < 1)
    throw new RangeError(`maxFields must be an integer of at least 1, but got: ${String(maxFields)}`);
  const argumentValues = options.argumentValues ?? {};
  for (const [key, values] of Object.entries(argumentValues)) {
    if (!Array.isArray(values))
      throw new TypeError(`argumentValues.${key} must be an array of values, but got: ${JSON.stringify(values)}`);
  }
  return { mutations: options.mutations ?? false, maxDepth, maxFields, argumentValues };
}
