import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Logger } from '@apollo/utils.logger';
import type { Fetcher } from '@apollo/utils.fetcher';
import { downstreamHeaders } from '../auth/downstreamHeaders.js';
import { BffErrorCode, downstreamServiceMessage } from '../errors/BffError.js';
import type { BffContext } from '../server/BffContext.js';

/** Options of a remote subgraph reached over the BFF's pooled HTTP client. */
export interface RemoteSubgraphDataSourceOptions {
  readonly name: string;
  readonly url: string;
  readonly fetcher: Fetcher;
  readonly logger: Logger;
}

/**
 * A remote GraphQL subgraph. A transport failure (refused, reset, timed out, non-2xx) becomes
 * a GraphQL error naming the service, so the gateway keeps every other service's data and the
 * client never sees a URL or a socket error; the details go to the log. Each call carries the
 * request id and the viewer (downstreamHeaders), and no header of the client's.
 */
export class RemoteSubgraphDataSource extends RemoteGraphQLDataSource<BffContext> {
  readonly #name: string;
  readonly #logger: Logger;

  constructor(options: RemoteSubgraphDataSourceOptions) {
    super({ url: options.url, fetcher: options.fetcher });
    this.#name = options.name;
    this.#logger = options.logger;
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<BffContext>): void {
    // Health checks and schema loads have no client request, so no identity to send
    // (@apollo/gateway does not export the enum that tells the kinds apart).
    if (!('incomingRequestContext' in options)) return;
    for (const [name, value] of Object.entries(downstreamHeaders(options.context))) options.request.http?.headers.set(name, value);
  }

  override async process(options: GraphQLDataSourceProcessOptions<BffContext>): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      this.#logger.warn(`subgraph ${this.#name} failed: ${(error as Error).message}`);
      return {
        errors: [{ message: downstreamServiceMessage(this.#name), extensions: { code: BffErrorCode.DOWNSTREAM_SERVICE_ERROR } }],
      };
    }
  }
}
