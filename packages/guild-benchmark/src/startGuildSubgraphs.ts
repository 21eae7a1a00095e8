import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGuildSubgraphServer, guildSubgraphPath } from './createGuildSubgraphServer.js';
import { guildSubgraphNames, type GuildSubgraphName } from './resolvers.js';
import { createGuildSubgraphSchema } from './schemas.js';

/** Options of {@link startGuildSubgraphs}. */
export interface GuildSubgraphsOptions {
  /** Port of each subgraph; 0 lets the OS choose a free one. @default 0 for every subgraph */
  ports?: Partial<Record<GuildSubgraphName, number>>;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
}

/** The four benchmark subgraphs, listening. */
export interface GuildSubgraphs {
  /** Each subgraph's GraphQL endpoint, e.g. `http://127.0.0.1:4501/graphql`. */
  readonly urls: Readonly<Record<GuildSubgraphName, string>>;
  /** HTTP requests each subgraph has received since it started or since the last resetRequests(). */
  readonly requests: Readonly<Record<GuildSubgraphName, number>>;
  /** Sets every count of {@link requests} back to 0. */
  resetRequests(): void;
  /** Stops all four, dropping open keep-alive connections; safe to call more than once. */
  close(): Promise<void>;
}

/** The ports `npm start` in this package uses: accounts 4501, inventory 4502, products 4503, reviews 4504. */
export const defaultGuildSubgraphPorts: Readonly<Record<GuildSubgraphName, number>> = {
  accounts: 4501,
  inventory: 4502,
  products: 4503,
  reviews: 4504,
};

/** Starts the four benchmark subgraphs in this process. */
export async function startGuildSubgraphs(options: GuildSubgraphsOptions = {}): Promise<GuildSubgraphs> {
  const host = options.host ?? '127.0.0.1';
  const servers: Server[] = [];
  const urls = {} as Record<GuildSubgraphName, string>;
  const requests = Object.fromEntries(guildSubgraphNames.map((name) => [name, 0])) as Record<GuildSubgraphName, number>;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= Promise.all(
      servers.map(async (server) => {
        const closed = once(server, 'close');
        server.close();
        server.closeAllConnections();
        await closed;
      }),
    ).then(() => undefined));
  try {
    for (const name of guildSubgraphNames) {
      const server = createGuildSubgraphServer(createGuildSubgraphSchema(name));
      // Counted where they arrive: how many calls a gateway makes per operation, whatever it says of itself.
      server.on('request', () => (requests[name] += 1));
      server.listen(options.ports?.[name] ?? 0, host);
      await once(server, 'listening');
      servers.push(server);
      urls[name] = `http://${host}:${(server.address() as AddressInfo).port}${guildSubgraphPath}`;
    }
  } catch (error) {
    await close();
    throw error;
  }
  const resetRequests = () => {
    for (const name of guildSubgraphNames) requests[name] = 0;
  };
  return { urls, requests, resetRequests, close };
}
