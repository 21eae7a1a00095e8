import { ERRORS, errorCodeDef } from '@apollo/federation-internals';
import type { FetchNode } from '@apollo/query-planner';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Cursor } from './Cursor.js';

type Path = readonly (string | number)[];

/** How an entity fetch's representations relate to the entities at its path. */
export interface SentEntities {
  /** Each representation's position among those sent (deduplicated: several share one). @default its own index */
  readonly slotOf?: readonly number[] | undefined;
  /** Each representation's entity among the fetch's entities (entities of another type are not sent). */
  readonly entityIndexes: readonly number[];
}

/**
 * Maps the path of a subgraph's error into the client's response: an `_entities` error path
 * becomes the path of the entity it was about (with representations deduplicated, the error goes
 * to every entity that shared it), others are prefixed with the fetch's position. Unlike
 * @apollo/gateway 2.14.4, an entity's position counts only the entities sent, so an error is not
 * put on an entity of another type that the fetch skipped (conformance intendedDifferences.ts).
 */
export function errorPathsOf(
  fetch: FetchNode,
  cursor: Cursor,
  sent?: SentEntities,
): (errorPath: Path | undefined) => ((string | number)[] | undefined)[] {
  let hydrated: (string | number)[][] | undefined;
  return (errorPath) => {
    if (fetch.requires && typeof errorPath?.[1] === 'number') {
      if (!hydrated) {
        hydrated = [];
        hydratePaths([], cursor.path, cursor.fullResult, hydrated);
      }
      const paths = hydrated;
      const slot = errorPath[1];
      const slotOf = sent?.slotOf;
      const representationIndexes = slotOf
        ? slotOf.flatMap((entitySlot, index) => (entitySlot === slot ? [index] : []))
        : [slot];
      return representationIndexes.map((index) => [
        ...(paths[sent?.entityIndexes[index] ?? index] ?? []),
        ...errorPath.slice(2),
      ]);
    }
    return [errorPath ? [...cursor.path, ...errorPath] : undefined];
  };
}

function hydratePaths(parent: (string | number)[], path: Path, data: unknown, result: (string | number)[][]): void {
  if (data === null || data === undefined) return;
  const head = path[0];
  if (head === undefined) {
    result.push([...parent]);
  } else if (head === '@' || (typeof head === 'string' && Array.isArray(data))) {
    const rest = head === '@' ? path.slice(1) : path;
    (data as unknown[]).forEach((value, index) => {
      parent.push(index);
      hydratePaths(parent, rest, value, result);
      parent.pop();
    });
  } else if (typeof head === 'string' && Object.hasOwn(data, head)) {
    parent.push(head);
    hydratePaths(parent, path.slice(1), (data as Record<string, unknown>)[head], result);
    parent.pop();
  }
}

/**
 * A subgraph's error as the client sees it: its message and code, the service's name, its path in the client's
 * response.
 */
export function downstreamServiceError(
  original: GraphQLFormattedError,
  serviceName: string,
  path: (string | number)[] | undefined,
): GraphQLError {
  const message = original.message || `Error while fetching subquery from service "${serviceName}"`;
  const options = { originalError: original as Error, path, extensions: { ...original.extensions, serviceName } };
  const code = errorCodeDef(original);
  if (!code && original.extensions?.['code']) return new GraphQLError(message, options);
  return (code ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}
