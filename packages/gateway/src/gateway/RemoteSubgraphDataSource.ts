import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Fetcher } from '@apollo/utils.fetcher';
import { GraphQLError, Kind, OperationTypeNode, type DocumentNode } from 'graphql';
import { downstreamHeaders, identityHeaders } from '../auth/downstreamHeaders.js';
import type { IdentityScope } from '../downstream/identityScope.js';
import type { Downstream } from '../downstream/createDownstream.js';
import { DownstreamFailure } from '../downstream/DownstreamFailure.js';
import { fetchJson } from '../downstream/fetchJson.js';
import { shareInFlight } from '../downstream/shareInFlight.js';
import { BffErrorCode } from '../errors/BffError.js';
import type { BffContext } from '../core/BffContext.js';
import type { ProxiedOperations } from './proxiedOperations.js';
import { restrictCachePolicy } from './restrictCachePolicy.js';
import type { SubgraphResponse } from './SubgraphResponse.js';

/** Options of a remote subgraph reached over the BFF's pooled HTTP client. */
export interface RemoteSubgraphDataSourceOptions {
  readonly name: string;
  readonly url: string;
  readonly fetcher: Fetcher;
  readonly downstream: Downstream;
  /** Share identical in-flight query fetches of concurrent requests. */
  readonly dedupe: boolean;
  /** Requests whose whole plan is one fetch: sent as the client wrote them. */
  readonly proxied: ProxiedOperations;
  /** The identity headers it receives; with none, concurrent viewers' identical fetches are shared. */
  readonly identity: IdentityScope;
}

interface SubgraphAnswer {
  readonly body: SubgraphResponse;
  readonly cacheControl: string | null;
  /** The response as received, which copies of a shared answer are parsed from. */
  readonly text: string;
}

/** The GraphQL response of a subgraph's JSON body: only the keys the gateway reads, and its Cache-Control. */
function graphqlResponseOf(json: GatewayGraphQLResponse, cacheControl: string | null): SubgraphResponse {
  return { data: json.data, errors: json.errors, extensions: json.extensions, cacheControl };
}

/**
 * A remote GraphQL subgraph, called through the BFF's downstream policies (timeout, deadline,
 * retries for queries only, circuit breaker). Identical query fetches in flight at once (same
 * document, variables and identity) are sent once; mutations never are shared or retried. A
 * failure becomes an error with a DOWNSTREAM_* code, so the gateway keeps every other
 * service's data and the client sees no URL or socket error. Each call carries the request id
 * and the viewer (downstreamHeaders), and no header of the client's.
 */
export class RemoteSubgraphDataSource implements GraphQLDataSource<BffContext> {
  readonly #options: RemoteSubgraphDataSourceOptions;
  readonly #share = shareInFlight<SubgraphAnswer>((answer) => ({
    ...answer,
    body: graphqlResponseOf(JSON.parse(answer.text) as GatewayGraphQLResponse, answer.cacheControl),
  }));

  constructor(options: RemoteSubgraphDataSourceOptions) {
    this.#options = options;
  }

  async process(options: GraphQLDataSourceProcessOptions<BffContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    // Health checks and schema loads have no client request, so no identity to send.
    const context = 'incomingRequestContext' in options ? options.context : undefined;
    // No Accept header: a GraphQL-over-HTTP server answers application/json without one, which is
    // all the gateway reads, and naming it made an Apollo Server subgraph negotiate the content
    // type, 6-11 µs of its time per call (services' own timestamps, the product page's reviews fetch).
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...(context && downstreamHeaders(context, this.#options.identity)),
    };
    const proxied =
      'incomingRequestContext' in options
        ? this.#options.proxied.get(options.incomingRequestContext.request)
        : undefined;
    const operation = proxied?.serviceName === this.#options.name ? proxied : request;
    const body = JSON.stringify({
      query: operation.query,
      variables: operation.variables,
      operationName: operation.operationName,
    });
    const isQuery = isQueryOperation('document' in options ? options.document : undefined, request.query ?? '');
    const send = () => this.#send(body, headers, context, isQuery);
    try {
      const answer = isQuery && this.#options.dedupe ? await this.#share(shareKey(body, headers), send) : await send();
      if ('incomingRequestContext' in options)
        restrictCachePolicy(options.incomingRequestContext.overallCachePolicy, answer.cacheControl);
      return answer.body;
    } catch (error) {
      const code = error instanceof GraphQLError ? error.extensions['code'] : BffErrorCode.DOWNSTREAM_SERVICE_ERROR;
      return { errors: [{ message: (error as Error).message, extensions: { code } }] };
    }
  }

  #send(
    body: string,
    headers: Record<string, string>,
    context: BffContext | undefined,
    isQuery: boolean,
  ): Promise<SubgraphAnswer> {
    const { name, url, fetcher, downstream } = this.#options;
    return downstream.call(name, context ?? {}, { idempotent: isQuery }, async (signal) => {
      const response = await fetchJson(fetcher, url, { method: 'POST', headers, body }, signal);
      const json = response.json as GatewayGraphQLResponse | null;
      // A 4xx with a GraphQL body (e.g. a validation error) is the subgraph's answer; without one it is a failure.
      if (typeof json !== 'object' || json === null || (!('data' in json) && !('errors' in json))) {
        throw new DownstreamFailure(`HTTP ${response.status} without a GraphQL response`, false);
      }
      const cacheControl = response.headers.get('cache-control');
      return { body: graphqlResponseOf(json, cacheControl), cacheControl, text: response.text };
    });
  }
}

/** Whether a fetch only reads: from its document when the gateway passes one, else from its text. */
function isQueryOperation(document: DocumentNode | undefined, query: string): boolean {
  if (!document) return /^\s*(query\b|\{)/.test(query);
  return document.definitions.every(
    (definition) => definition.kind !== Kind.OPERATION_DEFINITION || definition.operation === OperationTypeNode.QUERY,
  );
}

/** Requests share a fetch only when everything the subgraph sees is the same, identity included. */
function shareKey(body: string, headers: Record<string, string>): string {
  return [
    headers[identityHeaders.userId] ?? '',
    headers[identityHeaders.userRoles] ?? '',
    headers[identityHeaders.clientName] ?? '',
    body,
  ].join('\n');
}
