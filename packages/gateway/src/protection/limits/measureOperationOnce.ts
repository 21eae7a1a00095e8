import type { GraphQLSchema, OperationDefinitionNode, DocumentNode } from 'graphql';
import { measureOperation, type OperationMeasures } from './measureOperation.js';

/** Variables longer than this as JSON are measured afresh: keying on them would cost more than measuring. */
const maxVariablesKeyLength = 512;
/** Distinct variable sets kept per operation; past that they start over. */
const maxKeptPerOperation = 64;

interface KeptMeasures {
  readonly schema: GraphQLSchema;
  readonly byVariables: Map<string, OperationMeasures>;
}

/**
 * measureOperation, kept per parsed operation and variables: clients send the same few operations
 * with the same few variable sets over and over, and the measures are a function of the schema,
 * the document, the operation and the variables alone (one BFF has one default list size). Kept on the
 * operation's AST node (Apollo Server keeps one per document while the schema lasts), so they go
 * with the document.
 */
export function measureOperationOnce(): (
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | undefined,
  defaultListSize: number,
) => OperationMeasures {
  const kept = new WeakMap<OperationDefinitionNode, KeptMeasures>();
  return (schema, document, operation, variables, defaultListSize) => {
    const key = variables === undefined ? '' : JSON.stringify(variables);
    if (key.length > maxVariablesKeyLength)
      return measureOperation(schema, document, operation, variables, defaultListSize);
    let entry = kept.get(operation);
    if (!entry || entry.schema !== schema) kept.set(operation, (entry = { schema, byVariables: new Map() }));
    let measures = entry.byVariables.get(key);
    if (!measures) {
      measures = measureOperation(schema, document, operation, variables, defaultListSize);
      if (entry.byVariables.size >= maxKeptPerOperation) entry.byVariables.clear();
      entry.byVariables.set(key, measures);
    }
    return measures;
  };
}
