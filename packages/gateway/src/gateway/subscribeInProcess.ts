import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { createSourceEventStream, execute, validate, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { BffContext } from '../core/BffContext.js';
import { subgraphFailure } from './subgraphFailure.js';
import type { SubgraphEvents, SubgraphSubscriber, SubgraphSubscription } from './SubgraphSubscriber.js';

/** An in-process subgraph to subscribe to. */
export interface InProcessSubgraph {
  /** Its name in the supergraph: a failure of its event stream carries it as `serviceName`. */
  readonly name: string;
  /** Its schema: the `schema` of its LocalSubgraphDataSource or InProcessSubgraphDataSource. */
  readonly schema: GraphQLSchema;
}

const done: IteratorReturnResult<undefined> = { value: undefined, done: true };

/**
 * Subscribes to an in-process subgraph: what graphql-js's `subscribe` does (the source event stream, then
 * each event executed with the event as root value), but each event resolved with a new `eventContext()`
 * rather than the subscribing request's context, whose deadline and per-request loaders would be stale.
 * A subscribe resolver that throws or returns an error refuses: its errors are the answer.
 */
export async function subscribeInProcess(
  subgraph: InProcessSubgraph,
  request: SubgraphSubscription,
  context: BffContext,
  eventContext: () => BffContext,
): Promise<SubgraphEvents | GatewayGraphQLResponse> {
  const { schema, name } = subgraph;
  const { document, variables: variableValues, operationName } = request;
  // graphql-js's subscribe does not validate; a remote subgraph would, so an invalid fetch is refused alike.
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) return { errors: validationErrors };
  let source: AsyncIterable<unknown> | ExecutionResult;
  try {
    source = await createSourceEventStream({ schema, document, variableValues, operationName, contextValue: context });
  } catch (error) {
    // graphql-js rethrows only what is not a GraphQLError: a subscribe resolver that returned no async iterable.
    return { errors: [subgraphFailure(name, error)] };
  }
  if (!(Symbol.asyncIterator in source)) return source;
  return executedEvents(
    source[Symbol.asyncIterator](),
    (event) =>
      execute({ schema, document, variableValues, operationName, rootValue: event, contextValue: eventContext() }),
    name,
  );
}

/** A {@link SubgraphSubscriber} of an in-process subgraph. */
export function inProcessSubscriber(subgraph: InProcessSubgraph): SubgraphSubscriber {
  return {
    subscribe: (request, context, eventContext) => subscribeInProcess(subgraph, request, context, eventContext),
  };
}

/**
 * The source's events, each executed. Not an async generator: a generator's return() waits for the next()
 * it is suspended in, i.e. for the source's next event; this return() settles a pending next() at once and
 * returns the source (the kit's event streams release their listener then and there). A source that fails
 * ends the events with one event carrying the failure.
 */
function executedEvents(
  source: AsyncIterator<unknown>,
  executeEvent: (event: unknown) => ExecutionResult | Promise<ExecutionResult>,
  serviceName: string,
): SubgraphEvents {
  let ended = false;
  let stop = () => {};
  const stopped = new Promise<IteratorReturnResult<undefined>>((resolve) => (stop = () => resolve(done)));
  const nextEvent = async (): Promise<IteratorResult<GatewayGraphQLResponse, undefined>> => {
    try {
      const step = await source.next();
      if (step.done) {
        ended = true;
        return done;
      }
      return { value: await executeEvent(step.value), done: false };
    } catch (error) {
      ended = true;
      return { value: { errors: [subgraphFailure(serviceName, error)] }, done: false };
    }
  };
  const events: SubgraphEvents = {
    next: () => (ended ? Promise.resolve(done) : Promise.race([nextEvent(), stopped])),
    return() {
      if (!ended) {
        ended = true;
        stop();
        // Not awaited: an async generator's return() settles only after its next event; it ends the source then.
        source.return?.().catch(() => undefined);
      }
      return Promise.resolve(done);
    },
    [Symbol.asyncIterator]: () => events,
  };
  return events;
}
