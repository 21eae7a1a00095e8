import {
  ApolloClient,
  HttpLink,
  InMemoryCache,
  type DocumentNode,
  type ErrorLike,
  type OperationVariables,
  type TypedDocumentNode,
} from '@apollo/client';
import { Defer20220824Handler } from '@apollo/client/incremental';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { getOperationAST } from 'graphql';
import type { DeepPartial } from '@apollo/client/utilities';

/** Options of {@link createApolloTestClient}. */
export interface ApolloTestClientOptions {
  /** The GraphQL endpoint, e.g. `${bff.url}/graphql`. */
  url: string;
  /** A bearer token sent on every request (signTestToken). @default none: anonymous */
  token?: string;
  /**
   * The persisted (trusted) document id of each operation the client sends, by operation name: the client then sends
   * ids only, as a mobile app whose BFF enforces trusted documents does (Apollo Client's PersistedQueryLink).
   * @default none: the documents' text is sent
   */
  persistedIds?: Readonly<Record<string, string>>;
}

/**
 * The real Apollo Client 4, as the apps run it, in Node: an HttpLink to `url` (Node's fetch) and the
 * `@defer` handler of Apollo Router's format (`Defer20220824Handler`). For an operation with `@defer`
 * its HttpLink sends `Accept: multipart/mixed;deferSpec=20220824,application/graphql-response+json,
 * application/json;q=0.9` and reads the multipart answer part by part; for any other operation it
 * sends `application/graphql-response+json,application/json;q=0.9`. Like every Apollo Client, it adds
 * `__typename` to each selection of what it sends, so the data it gets back has them too.
 */
export function createApolloTestClient(options: ApolloTestClientOptions): ApolloClient {
  const http = new HttpLink({
    uri: options.url,
    headers: options.token === undefined ? {} : { authorization: `Bearer ${options.token}` },
  });
  const { persistedIds } = options;
  return new ApolloClient({
    link: persistedIds
      ? new PersistedQueryLink({
          generateHash: (document) => {
            const name = getOperationAST(document)?.name?.value ?? '';
            const id = persistedIds[name];
            if (id === undefined) throw new Error(`No persisted id for operation ${name || '(anonymous)'}`);
            return id;
          },
        }).concat(http)
      : http,
    cache: new InMemoryCache(),
    incrementalHandler: new Defer20220824Handler(),
  });
}

/** What {@link observeQuery} saw of one query. */
export interface ObservedQuery<TData> {
  /**
   * The data of every emission that had some, in order: with `@defer`, the first screen, then each merge
   * (typed partial until the last).
   */
  readonly data: readonly (TData | DeepPartial<TData>)[];
  /** The error of the last emission (GraphQL errors, or a transport failure); undefined when there was none. */
  readonly error: ErrorLike | undefined;
}

/**
 * Sends `document` once through `client` (no cache: every call goes to the server) and resolves when
 * its answer is complete, with the data of every emission on the way. Errors do not reject: a
 * partial answer keeps its data (errorPolicy 'all') and the error is returned beside it.
 */
export function observeQuery<TData = Record<string, unknown>>(
  client: ApolloClient,
  document: DocumentNode | TypedDocumentNode<TData>,
  variables?: OperationVariables,
): Promise<ObservedQuery<TData>> {
  const query = client.watchQuery<TData>({
    query: document,
    variables,
    fetchPolicy: 'no-cache',
    errorPolicy: 'all',
  });
  return new Promise((resolve, reject) => {
    const data: (TData | DeepPartial<TData>)[] = [];
    const subscription = query.subscribe({
      next(result) {
        if (result.data !== undefined) data.push(result.data);
        // Still loading: the initial loading state, or a @defer answer with parts to come (streaming).
        if (result.loading) return;
        // Deferred: rxjs may deliver the first result before subscribe() has returned the subscription.
        queueMicrotask(() => subscription.unsubscribe());
        resolve({ data, error: result.error });
      },
      error: reject,
    });
  });
}
