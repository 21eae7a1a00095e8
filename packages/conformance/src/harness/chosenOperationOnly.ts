import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode } from 'graphql';
import type { ConformanceRequest } from './ConformanceRequest.js';

/**
 * The request with its document cut to the operation it chooses and the fragments that operation
 * spreads, directly or through other fragments (what the spec's ExecuteRequest reads); unchanged
 * when the document has one operation or none can be chosen. Stock is sent this
 * (intendedDifferences.ts, stockSentChosenOperationOnly).
 */
export function chosenOperationOnly(request: ConformanceRequest): ConformanceRequest {
  let definitions: readonly DefinitionNode[];
  try {
    definitions = parse(request.query).definitions;
  } catch {
    return request;
  }
  const operations = definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const chosen =
    request.operationName === undefined
      ? undefined
      : operations.find((operation) => operation.name?.value === request.operationName);
  if (operations.length < 2 || !chosen) return request;
  const fragments = new Map(
    definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const kept = new Set<DefinitionNode>([chosen]);
  const keepSpreads = (definition: DefinitionNode): unknown =>
    visit(definition, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (!fragment || kept.has(fragment)) return;
        kept.add(fragment);
        keepSpreads(fragment);
      },
    });
  keepSpreads(chosen);
  return {
    ...request,
    query: print({ kind: Kind.DOCUMENT, definitions: definitions.filter((definition) => kept.has(definition)) }),
  };
}
