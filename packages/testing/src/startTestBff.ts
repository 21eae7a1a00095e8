import type { BffServer, BffServerParts } from '@bff/gateway';
import { createMobileBff, mobileBffEnvPrefix, readMobileBffConfig } from '@bff/mobile-bff';
import { createWebBff, readWebBffConfig, webBffEnvPrefix } from '@bff/web-bff';
import type { RunningServices } from './startServices.js';

/** Which client's gateway to start. */
export type ClientName = 'web' | 'mobile';

/** A GraphQL HTTP response as a test reads it. */
export interface GraphQLHttpResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON body; the raw text when the body is not JSON. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON read freely by tests, whose assertions check it
  body: any;
  text: string;
}

/** A BFF running on a free port over the given services. */
export interface TestBff extends AsyncDisposable {
  readonly url: string;
  readonly server: BffServer;
  /** POSTs a GraphQL request (an object is sent as JSON, a string as the raw body). */
  post(body: object | string, headers?: Record<string, string>): Promise<GraphQLHttpResponse>;
  stop(): Promise<void>;
}

/** Code-level parts a test may give the BFF beside its own. */
export type TestBffParts = Pick<BffServerParts, 'logStream' | 'authorization' | 'events'>;

const clients = {
  web: { prefix: webBffEnvPrefix, read: readWebBffConfig, create: createWebBff },
  mobile: { prefix: mobileBffEnvPrefix, read: readMobileBffConfig, create: createMobileBff },
} as const;

/**
 * Starts a real web or mobile BFF on a free port, routed to `services` by the same environment
 * variables an operator would set. `env` adds or overrides settings; `parts` adds code-level
 * parts (e.g. a log stream to read).
 */
export async function startTestBff(
  client: ClientName,
  services: RunningServices,
  env: NodeJS.ProcessEnv = {},
  parts: TestBffParts = {},
): Promise<TestBff> {
  const { prefix, read, create } = clients[client];
  const config = read({
    ...routedTo(client, services),
    LOG_LEVEL: 'silent',
    // Tests count the calls each request makes; the response cache is tested where it is turned on.
    [`${prefix}RESPONSE_CACHE`]: 'off',
    // A test stops its BFF at once, in production mode too; the shutdown tests set their own delay.
    [`${prefix}SHUTDOWN_DELAY_MS`]: '0',
    NODE_ENV: 'test',
    ...env,
  });
  // The services' bus, as `npm start` shares one: the orders service's status changes reach the BFF's subscriptions.
  const server = create(config, { events: services.events, ...parts });
  const url = await server.start();
  const stop = () => server.stop();
  return {
    url,
    server,
    post: (body, headers) => postGraphQL(`${url}/graphql`, body, headers),
    stop,
    [Symbol.asyncDispose]: stop,
  };
}

/** The environment that puts a `client` BFF on a free port and routes it to `services`, as an operator would set it. */
export function routedTo(client: ClientName, services: RunningServices): NodeJS.ProcessEnv {
  const { prefix } = clients[client];
  return {
    [`${prefix}PORT`]: '0',
    [`${prefix}SUBGRAPH_PRODUCTS_URL`]: `${services.urls.products}/graphql`,
    [`${prefix}SUBGRAPH_REVIEWS_URL`]: `${services.urls.reviews}/graphql`,
    [`${prefix}SERVICE_ACCOUNTS_URL`]: services.urls.accounts,
    [`${prefix}SERVICE_ORDERS_URL`]: services.urls.orders,
    [`${prefix}SERVICE_INVENTORY_URL`]: services.urls.inventory,
  };
}

/** POSTs to a GraphQL endpoint with JSON content type, returning status, headers and parsed body. */
export async function postGraphQL(
  url: string,
  body: object | string,
  headers: Record<string, string> = {},
): Promise<GraphQLHttpResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: the test sees the raw text.
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}
