import type { GraphQLSchema } from 'graphql';

/**
 * A subgraph Hive Gateway runs inside its own process, as the kit runs its REST connectors and
 * view models (`inprocess://` in a supergraph): its schema executed with graphql-js.
 */
export interface InProcessSubgraph {
  /** The subgraph's name in the supergraph. */
  readonly name: string;
  /** Built with `buildSubgraphSchema`; its resolvers receive {@link HiveGatewayOptions.inProcessContext}. */
  readonly schema: GraphQLSchema;
}

/** How Hive Gateway verifies tokens: HS256 with one shared secret, as the kit's bench tokens are signed. */
export interface HiveJwtOptions {
  /** The HS256 secret. */
  readonly secret: string;
  /** Accepted `iss` values; at least one. */
  readonly issuers: readonly string[];
  /** The `aud` a token must carry. */
  readonly audience: string;
}

/** What {@link startHiveGateway} serves. */
export interface HiveGatewayOptions {
  /** A composed Federation 2 supergraph, as SDL (read once: no polling, no CDN). */
  readonly supergraphSdl: string;
  /** URL of each remote subgraph by name, in place of the supergraph's `join__graph` URL. @default the supergraph's */
  readonly subgraphUrls?: Readonly<Record<string, string>>;
  /** Subgraphs run in this process instead of over HTTP. @default none */
  readonly inProcessSubgraphs?: readonly InProcessSubgraph[];
  /** The context the in-process subgraphs' resolvers receive, made once per gateway request. @default `{}` */
  readonly inProcessContext?: () => object;
  /** Every request must carry a valid `Authorization: Bearer` token; it is not forwarded to subgraphs. */
  readonly jwt: HiveJwtOptions;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** 0 lets the OS choose a free port. @default 0 */
  readonly port?: number;
}

/** Hive Gateway, listening. */
export interface HiveGateway {
  /** Its GraphQL endpoint, e.g. `http://127.0.0.1:43127/graphql`. */
  readonly url: string;
  /** Closes its server and connections, then disposes the gateway (planner, transports); safe to call twice. */
  stop(): Promise<void>;
}
