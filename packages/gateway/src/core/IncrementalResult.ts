import { mapAsyncIterator } from './mapAsyncIterator.js';
import type { GatewayExecutionResult } from '@apollo/server-gateway-interface';
import type { GraphQLError, GraphQLObjectType } from 'graphql';

/** A deferred fragment's answer for one object: one item of an incremental payload. */
export interface DeferredPart {
  /** Where the object is in the response. */
  readonly path: readonly (string | number)[];
  /** The label of the @defer as the executed document has it (the kit labels every one: deferredFragments.ts). */
  readonly label: string;
  /** The label the client gave, if any: the only one the client sees. */
  readonly clientLabel: string | undefined;
  /** The object's runtime type, as the rules' walk judges it. */
  readonly type: GraphQLObjectType;
  /** The fragment's fields of the object; null when an error nulled it. */
  data: Record<string, unknown> | null;
  /** Errors of this part, with full paths. */
  errors: GraphQLError[];
}

/** Parts ready together, and whether more will follow. */
export interface DeferredPayload {
  readonly parts: readonly DeferredPart[];
  readonly hasNext: boolean;
}

/**
 * What the gateway executors of the request path return: one result, or with `@defer` for a client that accepts
 * incremental delivery, the initial one and its later parts, as they are ready; or for a subscription, its events.
 * Every stage that judges or masks a result does the same to every later part and event; the request path hands
 * parts to Apollo Server in its incremental shape, and events to the respond stage (stages/laterResults.ts).
 */
export interface KitExecutionResult extends GatewayExecutionResult {
  readonly later?: AsyncIterable<DeferredPayload>;
  /**
   * A subscription's results, one per event, until the subscriber leaves (return(), which ends the subgraph's
   * subscription) or the source ends. The result beside it holds no data.
   */
  readonly events?: AsyncIterableIterator<GatewayExecutionResult, undefined>;
}

/** `later` with `transform` applied to every part, in order; stopping early stops the source too. */
export function mapLaterParts(
  later: AsyncIterable<DeferredPayload>,
  transform: (part: DeferredPart) => Promise<DeferredPart>,
): AsyncIterableIterator<DeferredPayload, undefined> {
  return mapAsyncIterator(later[Symbol.asyncIterator](), async ({ parts, hasNext }) => ({
    parts: await Promise.all(parts.map(transform)),
    hasNext,
  }));
}
