import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import * as httpTransport from '@graphql-mesh/transport-http';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HiveGateway, HiveGatewayOptions } from './hiveGatewayOptions.js';
import { inProcessKind, inProcessTransport } from './inProcessTransport.js';
import { useBearerJwt } from './useBearerJwt.js';

/**
 * Hive Gateway (@graphql-hive/gateway-runtime) with its Rust query planner
 * (@graphql-hive/router-runtime's `unifiedGraphHandler`) over a supergraph, as users would run it
 * beside the kit: every request authenticated ({@link useBearerJwt}), no landing page, no
 * GraphiQL, no usage reporting or tracing (both opt-in and left off), errors logged only. Remote
 * subgraphs go over Hive's own HTTP transport; in-process ones over {@link inProcessTransport}.
 * Production mode is the process's: run it with NODE_ENV=production, as the bench's targets are.
 */
export async function startHiveGateway(options: HiveGatewayOptions): Promise<HiveGateway> {
  const inProcess = options.inProcessSubgraphs ?? [];
  const gateway = createGatewayRuntime({
    supergraph: options.supergraphSdl,
    unifiedGraphHandler,
    logging: 'error',
    landingPage: false,
    graphiql: false,
    transports: {
      http: httpTransport,
      [inProcessKind]: inProcessTransport(inProcess, options.inProcessContext ?? (() => ({}))),
    },
    transportEntries: {
      ...Object.fromEntries(Object.entries(options.subgraphUrls ?? {}).map(([name, url]) => [name, { location: url }])),
      ...Object.fromEntries(inProcess.map((subgraph) => [subgraph.name, { kind: inProcessKind }])),
    },
    plugins: () => [useBearerJwt(options.jwt)],
  });
  const server = createServer(gateway.requestListener);
  try {
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
    await once(server, 'listening');
  } catch (error) {
    await gateway[Symbol.asyncDispose]();
    throw error;
  }
  const { address, port } = server.address() as AddressInfo;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${address}:${port}/graphql`,
    stop: () =>
      (stopping ??= (async () => {
        const closed = once(server, 'close');
        server.close();
        server.closeAllConnections();
        await closed;
        await gateway[Symbol.asyncDispose]();
      })()),
  };
}
