import type { GraphQLError } from 'graphql';

/** Variable sets longer than this as JSON are checked afresh: keying on them would cost more than checking. */
const maxKeyLength = 512;
/** Valid variable sets kept per operation; past that they start over. */
const maxKept = 64;

/**
 * `check` (graphql-js coercing the variables against the operation's definitions), skipped for a
 * variable set already found valid for the same planned operation: clients send the same few
 * sets over and over, and validity depends only on the definitions and the schema, which a
 * planned operation keeps until the supergraph changes. Only valid sets are kept: an invalid one
 * is checked, and its errors made, every time. Variables arrive as JSON, so their JSON is a
 * faithful key.
 */
export function checkVariablesOnce(
  valid: Set<string>,
  variables: Readonly<Record<string, unknown>>,
  check: () => readonly GraphQLError[] | undefined,
): readonly GraphQLError[] | undefined {
  const key = JSON.stringify(variables);
  const keepable = key.length <= maxKeyLength;
  if (keepable && valid.has(key)) return undefined;
  const errors = check();
  if (errors === undefined && keepable) {
    if (valid.size >= maxKept) valid.clear();
    valid.add(key);
  }
  return errors;
}
