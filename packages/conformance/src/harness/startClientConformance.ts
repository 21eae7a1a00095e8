import { Supergraph } from '@apollo/federation-internals';
import { createConnectorSubgraphs } from '@bff/connectors';
import { allow, type BffServer, type BffServerParts, type UserViewer } from '@bff/gateway';
import { createMobileBff, createMobileSubgraph, mobileBffEnvPrefix, readMobileBffConfig } from '@bff/mobile-bff';
import { routedTo, viewerHeaders, type ClientName, type RunningServices } from '@bff/testing';
import { createWebBff, createWebSubgraph, readWebBffConfig, webBffEnvPrefix } from '@bff/web-bff';
import { readFileSync } from 'node:fs';
import { conformanceRun, type Comparison, type ConformanceRun, type Endpoint } from './conformanceRun.js';
import { conformanceEnv } from './startKitVariants.js';
import { startStockBffGateway } from './startStockBffGateway.js';
import { walkEveryObject } from './walkEveryObject.js';

/** The staff viewer of viewerHeaders: whom every rule of both BFFs allows everything. */
const staff: UserViewer = { kind: 'user', id: '250', roles: ['staff'], scopes: [], clientId: undefined };

/**
 * Each client's BFF. `staffReadsAll`: its rules allow staff every field, so staff through them must
 * answer as stock does; the mobile rules deny every email address to everyone, staff included.
 */
const clients = {
  web: {
    prefix: webBffEnvPrefix,
    read: readWebBffConfig,
    create: createWebBff,
    viewModels: () => createWebSubgraph(),
    staffReadsAll: true,
  },
  mobile: {
    prefix: mobileBffEnvPrefix,
    read: readMobileBffConfig,
    create: createMobileBff,
    viewModels: createMobileSubgraph,
    staffReadsAll: false,
  },
} as const;

/**
 * A client's BFF over the example services, compared three ways: as staff through the BFF's own
 * rules (where they allow staff everything) and without rules, each against stock Apollo Server +
 * @apollo/gateway over the same supergraph, services and in-process subgraphs (seeing staff as
 * their viewer); and under a walked allow-all rule book against no rules, both as staff and
 * anonymous.
 */
export async function startClientConformance(client: ClientName, services: RunningServices): Promise<ConformanceRun> {
  const { prefix, read, create, viewModels, staffReadsAll } = clients[client];
  const config = read({ ...conformanceEnv(prefix), ...routedTo(client, services) });
  const supergraphSdl = readFileSync(config.supergraphFile, 'utf8');
  const apiSchema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  const servers: BffServer[] = [];
  let stopStock: (() => Promise<void>) | undefined;
  const close = async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await stopStock?.();
  };
  const start = async (parts: Partial<BffServerParts>) => {
    const server = create(config, parts);
    servers.push(server);
    return `${await server.start()}/graphql`;
  };
  try {
    const stock = await startStockBffGateway(
      config,
      (kit) => [...createConnectorSubgraphs(kit), viewModels(kit)],
      staff,
    );
    stopStock = stock.stop;
    const unruled = await start({ authorization: undefined });
    const allowAll = await start({ authorization: { rules: walkEveryObject(apiSchema), fallbackRule: allow } });
    const as = viewerHeaders(client);
    const oracle: Endpoint = { name: 'stock as staff', url: stock.url, side: 'stock' };
    const endpoint = (name: string, url: string, headers: Record<string, string>): Endpoint => ({
      name,
      url,
      headers,
      side: 'kit',
    });
    const unruledStaff = endpoint('no rules as staff', unruled, as.staff);
    const comparisons: Comparison[] = [
      { oracle, kit: unruledStaff },
      { oracle: unruledStaff, kit: endpoint('walked allow-all rules as staff', allowAll, as.staff) },
      {
        oracle: endpoint('no rules, anonymous', unruled, as.anonymous),
        kit: endpoint('walked allow-all rules, anonymous', allowAll, as.anonymous),
      },
    ];
    if (staffReadsAll)
      comparisons.push({ oracle, kit: endpoint(`${client} rules as staff`, await start({}), as.staff) });
    return conformanceRun(supergraphSdl, apiSchema, comparisons, close);
  } catch (error) {
    await close();
    throw error;
  }
}
