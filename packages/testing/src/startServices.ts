import { createAccountsApp } from '@bff/service-accounts';
import { createInventoryApp } from '@bff/service-inventory';
import { createOrdersApp } from '@bff/service-orders';
import { createProductsApp } from '@bff/service-products';
import { createReviewsApp } from '@bff/service-reviews';
import type { FastifyInstance } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { listenOnFreePort, type RunningServer } from './listen.js';

/** The example microservices, by the name they have in supergraph/*.yaml. */
export const serviceNames = ['products', 'reviews', 'accounts', 'orders', 'inventory'] as const;
export type ServiceName = (typeof serviceNames)[number];

const createApp: Record<ServiceName, () => Promise<FastifyInstance>> = {
  products: () => createProductsApp(),
  reviews: () => createReviewsApp(),
  accounts: () => createAccountsApp(),
  orders: () => createOrdersApp(),
  inventory: () => createInventoryApp(),
};

/** Real example services on free ports, with every request they received recorded. */
export interface RunningServices extends AsyncDisposable {
  /** Base URL of each service (GraphQL subgraphs serve at `${url}/graphql`). */
  readonly urls: Readonly<Record<ServiceName, string>>;
  /** `METHOD /path?query` of each request each service received, in order. */
  readonly calls: Readonly<Record<ServiceName, string[]>>;
  /** The headers of each of those requests: `headers.accounts[i]` came with `calls.accounts[i]`. */
  readonly headers: Readonly<Record<ServiceName, IncomingHttpHeaders[]>>;
  /** Forgets every recorded call and its headers, of every service. */
  resetCalls(): void;
  /** Stops one service (to test a service being down); the others keep serving. */
  stop(name: ServiceName): Promise<void>;
  close(): Promise<void>;
}

/** Starts every example service on a free port of 127.0.0.1. */
export async function startServices(): Promise<RunningServices> {
  const calls = Object.fromEntries(serviceNames.map((name) => [name, [] as string[]])) as Record<ServiceName, string[]>;
  const headers = Object.fromEntries(serviceNames.map((name) => [name, [] as IncomingHttpHeaders[]])) as Record<ServiceName, IncomingHttpHeaders[]>;
  const entries = await Promise.all(
    serviceNames.map(async (name) => {
      const app = await createApp[name]();
      app.addHook('onRequest', async (request) => {
        calls[name].push(`${request.method} ${request.url}`);
        headers[name].push({ ...request.headers });
      });
      return [name, await listenOnFreePort(app)] as const;
    }),
  );
  const servers = new Map<ServiceName, RunningServer>(entries);
  const urls = Object.fromEntries(entries.map(([name, server]) => [name, server.url])) as Record<ServiceName, string>;
  const stop = async (name: ServiceName) => {
    await servers.get(name)?.close();
    servers.delete(name);
  };
  const close = async () => {
    await Promise.all([...servers.keys()].map(stop));
  };
  const resetCalls = () => {
    for (const name of serviceNames) {
      calls[name].length = 0;
      headers[name].length = 0;
    }
  };
  return { urls, calls, headers, resetCalls, stop, close, [Symbol.asyncDispose]: close };
}
