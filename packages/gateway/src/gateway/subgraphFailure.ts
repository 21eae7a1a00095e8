import { GraphQLError } from 'graphql';
import { DownstreamServiceError } from '../errors/BffError.js';

/**
 * The error a subscription reports when its subgraph failed rather than answered: a GraphQLError as the
 * subgraph raised it; anything else (a dropped socket, a resolver's bug) as DOWNSTREAM_SERVICE_ERROR with
 * `serviceName`, the cause kept as `originalError` for the logs and out of the client's sight.
 */
export function subgraphFailure(serviceName: string, cause: unknown): GraphQLError {
  if (cause instanceof GraphQLError) return cause;
  return new DownstreamServiceError(serviceName, {
    originalError: cause instanceof Error ? cause : new Error(String(cause)),
  });
}
