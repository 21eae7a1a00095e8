import type { FetchNode } from '@apollo/query-planner';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import {
  Kind,
  OperationTypeNode,
  parse,
  print,
  stripIgnoredCharacters,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
} from 'graphql';

const entitiesField = '_entities';
const representationsVariable = 'representations';

/** Entity fetches of one subgraph as one operation: each fetch's `_entities` under its own name. */
export interface MergedEntityFetches {
  readonly operationName: string;
  readonly query: string;
  readonly document: DocumentNode;
  /** The variable that carries each fetch's representations, by the fetch's position. */
  readonly representationsVariables: readonly string[];
  /** The response name of each fetch's `_entities`, by the fetch's position. */
  readonly responseNames: readonly string[];
}

/**
 * Merges entity fetches of one subgraph into one operation, as @graphql-tools/batch-execute
 * merges requests, but once per plan rather than on every request: fetch i's `_entities` is
 * aliased `_i_entities` with its representations in `$_i_representations`, and its fragments are
 * renamed `_i_<name>`; the client's variables the fetches use are shared (they are the same
 * request's). Undefined when a fetch is not a lone `_entities` query, which is then sent alone.
 */
export function mergeEntityFetches(fetches: readonly FetchNode[]): MergedEntityFetches | undefined {
  const variableDefinitions = new Map<string, VariableDefinitionNode>();
  const rootFields: FieldNode[] = [];
  const fragments: FragmentDefinitionNode[] = [];
  const representationsVariables: string[] = [];
  const responseNames: string[] = [];
  for (const [index, fetch] of fetches.entries()) {
    const prefix = `_${index}_`;
    const document = renamed(fetch.operationDocumentNode ?? parse(fetch.operation), prefix);
    const operation = document.definitions.find(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    );
    const field = operation?.selectionSet.selections[0];
    if (
      operation?.operation !== OperationTypeNode.QUERY ||
      operation.selectionSet.selections.length !== 1 ||
      field?.kind !== Kind.FIELD ||
      field.name.value !== entitiesField ||
      field.alias
    )
      return undefined;
    for (const definition of operation.variableDefinitions ?? [])
      if (!variableDefinitions.has(definition.variable.name.value))
        variableDefinitions.set(definition.variable.name.value, definition);
    const responseName = `${prefix}${entitiesField}`;
    rootFields.push({ ...field, alias: { kind: Kind.NAME, value: responseName } });
    for (const definition of document.definitions)
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.push(definition);
    representationsVariables.push(`${prefix}${representationsVariable}`);
    responseNames.push(responseName);
  }
  const operationName = `${fetches[0]?.operationName ?? 'Entities'}__merged_${fetches.length}`;
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: OperationTypeNode.QUERY,
    name: { kind: Kind.NAME, value: operationName },
    variableDefinitions: [...variableDefinitions.values()],
    selectionSet: { kind: Kind.SELECTION_SET, selections: rootFields },
  };
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] };
  return {
    operationName,
    query: stripIgnoredCharacters(print(document)),
    document,
    representationsVariables,
    responseNames,
  };
}

/** `$representations` and every fragment of a fetch's document renamed with `prefix`. */
function renamed(document: DocumentNode, prefix: string): DocumentNode {
  return visit(document, {
    Variable: (node) =>
      node.name.value === representationsVariable
        ? { ...node, name: { ...node.name, value: `${prefix}${representationsVariable}` } }
        : undefined,
    FragmentSpread: (node) => ({ ...node, name: { ...node.name, value: `${prefix}${node.name.value}` } }),
    FragmentDefinition: (node) => ({ ...node, name: { ...node.name, value: `${prefix}${node.name.value}` } }),
  });
}

/**
 * Each fetch's own response out of the merged one: its `_entities`, and the errors whose path
 * starts at it (with the path as its own request would have had it). An error without such a
 * path (the request failed as a whole) goes to every fetch, as it would have failed each of them.
 */
export function splitMergedResponse(
  merged: MergedEntityFetches,
  response: GatewayGraphQLResponse,
): GatewayGraphQLResponse[] {
  return merged.responseNames.map((responseName) => {
    const errors = response.errors?.flatMap((error) => {
      const head = error.path?.[0];
      if (head === responseName) return [{ ...error, path: [entitiesField, ...(error.path ?? []).slice(1)] }];
      return typeof head === 'string' && merged.responseNames.includes(head) ? [] : [error];
    });
    const data = response.data as Record<string, unknown> | null | undefined;
    return {
      ...(data !== undefined && { data: data && { [entitiesField]: data[responseName] } }),
      ...(errors?.length && { errors }),
    };
  });
}
