import { LocalGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GraphQLSchema } from 'graphql';
import { restrictCachePolicy } from './restrictCachePolicy.js';

/**
 * An in-process subgraph executed by graphql-js (@apollo/gateway's LocalGraphQLDataSource), its
 * cache hint folded into the response's policy: what serves in-process subgraphs when the fast
 * path (graphql-jit's InProcessSubgraphDataSource) is off.
 */
export class LocalSubgraphDataSource extends LocalGraphQLDataSource {
  /** @param cacheControl how long its answers stay fresh, as a Cache-Control value. Absent: not cacheable. */
  constructor(
    schema: GraphQLSchema,
    readonly cacheControl: string | null = null,
  ) {
    super(schema);
  }

  override async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    if ('incomingRequestContext' in options)
      restrictCachePolicy(options.incomingRequestContext.overallCachePolicy, this.cacheControl);
    return super.process(options);
  }
}
