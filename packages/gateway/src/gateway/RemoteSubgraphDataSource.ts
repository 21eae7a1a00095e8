import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Logger } from '@apollo/utils.logger';
import type { Fetcher } from '@apollo/utils.fetcher';
import { BffErrorCode, downstreamServiceMessage } from '../errors/BffError.js';

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
 * client never sees a URL or a socket error; the details go to the log.
 */
export class RemoteSubgraphDataSource extends RemoteGraphQLDataSource {
  readonly #name: string;
  readonly #logger: Logger;

  constructor(options: RemoteSubgraphDataSourceOptions) {
    super({ url: options.url, fetcher: options.fetcher });
    this.#name = options.name;
    this.#logger = options.logger;
  }

  override async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
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
