import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';

/** POSTs `query` to an Apollo Server in process (no HTTP listener), as a JSON GraphQL request with an empty context. */
export function postToApolloServer(server: ApolloServer, query: string): Promise<HTTPGraphQLResponse> {
  return server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: 'POST',
      headers: new HeaderMap([['content-type', 'application/json']]),
      search: '',
      body: { query },
    },
    context: async () => ({}),
  });
}
