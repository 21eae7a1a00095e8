import type { GraphiQLProps } from 'graphiql';
import type { FormattedExecutionResult } from 'graphql';

type Fetcher = GraphiQLProps['fetcher'];

/**
 * GraphiQL's fetcher: POSTs each operation as JSON (the Content-Type Apollo's CSRF prevention
 * lets through) with the headers of the Headers editor, sends no cookies, and returns the
 * response body, errors included, for the response pane. A body that is not JSON (a proxy's
 * error page) becomes one error naming the HTTP status.
 */
export function createFetcher(url: URL): Fetcher {
  const fetcher = async (...[params, options]: Parameters<Fetcher>): Promise<FormattedExecutionResult> => {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'omit',
      headers: {
        accept: 'application/graphql-response+json, application/json',
        ...options?.headers,
        'content-type': 'application/json',
      },
      body: JSON.stringify(params),
    });
    const text = await response.text();
    try {
      // The BFF answers a GraphQL response; the response pane shows whatever JSON it holds.
      return JSON.parse(text) as FormattedExecutionResult;
    } catch {
      return {
        errors: [
          { message: `The BFF answered HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 300)}` },
        ],
      };
    }
  };
  // The response pane shows the body as JSON, formatted errors and all; graphiql's types declare graphql-ws's
  // ExecutionResult (GraphQLError instances) once graphql-ws is installed, as Hive Gateway's packages install it.
  return fetcher as Fetcher;
}
