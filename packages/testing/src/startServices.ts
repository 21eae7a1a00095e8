import { createAccountsApp } from '@bff/service-accounts';
import { createInventoryApp } from '@bff/service-inventory';
import { createOrdersApp } from '@bff/service-orders';
import { createEventBus, type EventBus } from '@bff/gateway';
import { createProductsApp } from '@bff/service-products';
import { createReviewsApp } from '@bff/service-reviews';
import type { FastifyInstance } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import type { IncomingHttpHeaders } from 'node:http';
import { listenOnFreePort, type RunningServer } from './listen.js';

/** The example microservices, by the name they have in supergraph/*.yaml. */
export const serviceNames = ['products', 'reviews', 'accounts', 'orders', 'inventory'] as const;
export type ServiceName = (typeof serviceNames)[number];

const createApp: Record<ServiceName, (events: EventBus) => Promise<FastifyInstance>> = {
  products: () => createProductsApp(),
  reviews: () => createReviewsApp(),
  accounts: () => createAccountsApp(),
  orders: (events) => createOrdersApp({ events }),
  inventory: () => createInventoryApp(),
};

/** How a service misbehaves for a test. */
export interface ServiceBehaviour {
  readonly delayMs?: number;
  /** An HTTP status answered instead of the real response. */
  readonly failWith?: number;
  /** Retry-After sent with `failWith`. */
  readonly retryAfter?: string;
  /** Misbehave only for these `METHOD /path` requests. @default every request */
  readonly only?: readonly string[];
}

/** Real example services on free ports, with every request they received recorded. */
export interface RunningServices extends AsyncDisposable {
  /** Base URL of each service (GraphQL subgraphs serve at `${url}/graphql`). */
  readonly urls: Readonly<Record<ServiceName, string>>;
  /** The bus the orders service publishes its status changes on (in process); test BFFs listen to it. */
  readonly events: EventBus;
  /** `METHOD /path?query` of each request each service received, in order. */
  readonly calls: Readonly<Record<ServiceName, string[]>>;
  /** The headers of each of those requests: `headers.accounts[i]` came with `calls.accounts[i]`. */
  readonly headers: Readonly<Record<ServiceName, IncomingHttpHeaders[]>>;
  /** The parsed body of each request that had one (`bodies.products[i]`), in order of arrival. */
  readonly bodies: Readonly<Record<ServiceName, unknown[]>>;
  /** The most requests each service had in flight at once since the last resetCalls(). */
  readonly maxInFlight: Readonly<Record<ServiceName, number>>;
  /** Forgets every recorded call, its headers and the in-flight peaks, of every service. */
  resetCalls(): void;
  /**
   * Makes a real service slow or failing from now on, until told otherwise (`behave(name, {})`):
   * each request waits `delayMs`, then is answered `failWith` (with `retryAfter`) if given.
   */
  behave(name: ServiceName, behaviour: ServiceBehaviour): void;
  /** Stops one service (to test a service being down); the others keep serving. */
  stop(name: ServiceName): Promise<void>;
  close(): Promise<void>;
}

/** Starts every example service on a free port of 127.0.0.1. */
export async function startServices(): Promise<RunningServices> {
  const calls = Object.fromEntries(serviceNames.map((name) => [name, [] as string[]])) as Record<ServiceName, string[]>;
  const headers = Object.fromEntries(serviceNames.map((name) => [name, [] as IncomingHttpHeaders[]])) as Record<
    ServiceName,
    IncomingHttpHeaders[]
  >;
  const bodies = Object.fromEntries(serviceNames.map((name) => [name, [] as unknown[]])) as Record<
    ServiceName,
    unknown[]
  >;
  const inFlight = Object.fromEntries(serviceNames.map((name) => [name, 0])) as Record<ServiceName, number>;
  const maxInFlight = { ...inFlight };
  const behaviours = new Map<ServiceName, ServiceBehaviour>();
  const events = createEventBus();
  const entries = await Promise.all(
    serviceNames.map(async (name) => {
      const app = await createApp[name](events);
      app.addHook('onRequest', async (request, reply) => {
        calls[name].push(`${request.method} ${request.url}`);
        headers[name].push({ ...request.headers });
        inFlight[name] += 1;
        maxInFlight[name] = Math.max(maxInFlight[name], inFlight[name]);
        const configured = behaviours.get(name);
        const behaviour =
          configured?.only && !configured.only.includes(`${request.method} ${request.url}`) ? undefined : configured;
        if (behaviour?.delayMs) await sleep(behaviour.delayMs);
        if (behaviour?.failWith) {
          if (behaviour.retryAfter) reply.header('retry-after', behaviour.retryAfter);
          return reply
            .code(behaviour.failWith)
            .send({ error: { code: 'UNAVAILABLE', message: 'made to fail by the test' } });
        }
        return undefined;
      });
      app.addHook('preHandler', async (request) => {
        if (request.body !== undefined) bodies[name].push(request.body);
      });
      app.addHook('onResponse', async () => {
        inFlight[name] -= 1;
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
    await events.close();
  };
  const resetCalls = () => {
    for (const name of serviceNames) {
      calls[name].length = 0;
      headers[name].length = 0;
      bodies[name].length = 0;
      maxInFlight[name] = inFlight[name];
    }
  };
  const behave = (name: ServiceName, behaviour: ServiceBehaviour) => void behaviours.set(name, behaviour);
  const running = { urls, events, calls, headers, bodies, maxInFlight, resetCalls, behave, stop, close };
  return { ...running, [Symbol.asyncDispose]: close };
}
