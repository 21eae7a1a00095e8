import type { Fetcher } from '@apollo/utils.fetcher';
import {
  ConfigError,
  DownstreamServiceError,
  downstreamHeaders,
  fetchJson,
  identityHeaders,
  identityScopeOf,
  shareInFlight,
  type BffContext,
  type BffKit,
  type Downstream,
  type IdentityScope,
  type JsonResponse,
} from '@bff/gateway';
import { GraphQLError } from 'graphql';

/**
 * A JSON REST service as a connector sees it. Every call goes through the BFF's downstream
 * policies (timeout, the request's deadline, breaker; retries for GET only) and carries the
 * request's id and the parts of the viewer it is configured to receive (downstreamHeaders); identical
 * GETs in flight at once are sent once.
 * Errors are GraphQL errors naming the service.
 */
export interface RestClient {
  /** The service's base URL, without a trailing slash. */
  readonly baseUrl: string;
  /** GET a JSON resource; resolves null on 404. `batchSize`: the ids a batch call carries (for metrics). */
  get<T>(path: string, context: BffContext, options?: { readonly batchSize?: number }): Promise<T | null>;
  /** POST JSON, never retried; a 4xx becomes BAD_USER_INPUT with the service's message. */
  post<T>(path: string, body: unknown, context: BffContext): Promise<T>;
}

/** Options of one REST service client. */
export interface RestClientOptions {
  /** Service name, put in errors as `serviceName` and naming its breaker. */
  readonly serviceName: string;
  readonly baseUrl: string;
  /** The BFF's pooled keep-alive fetch. */
  readonly fetch: Fetcher;
  readonly downstream: Downstream;
  /** Share identical in-flight GETs (same URL and identity) of concurrent requests. @default false */
  readonly dedupe?: boolean;
  /** The identity headers the service receives; with none, every viewer's identical GETs are shared. @default all */
  readonly identity?: IdentityScope;
}

interface RestErrorBody {
  error?: { code?: string; message?: string };
}

/** Creates the client of one REST service over the BFF's pooled HTTP client and policies. */
export function createRestClient(options: RestClientOptions): RestClient {
  const { serviceName, downstream, fetch } = options;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const share = shareInFlight<JsonResponse>((response) => ({
    ...response,
    json: JSON.parse(response.text) as unknown,
  }));
  const call = (method: 'GET' | 'POST', path: string, body: unknown, context: BffContext, batchSize?: number) => {
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...downstreamHeaders(context, options.identity),
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const init = { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) };
    const send = () =>
      downstream.call(
        serviceName,
        context,
        { idempotent: method === 'GET', ...(batchSize !== undefined && { batchSize }) },
        (signal) => fetchJson(fetch, `${baseUrl}${path}`, init, signal),
      );
    if (method !== 'GET' || !options.dedupe) return send();
    // Requests share a GET only when the service would see the same identity.
    const {
      [identityHeaders.userId]: userId = '',
      [identityHeaders.userRoles]: roles = '',
      [identityHeaders.clientName]: client = '',
    } = headers;
    return share(`${userId}\n${roles}\n${client}\n${path}`, send);
  };
  return {
    baseUrl,
    async get<T>(path: string, context: BffContext, options?: { readonly batchSize?: number }) {
      const { status, json } = await call('GET', path, undefined, context, options?.batchSize);
      if (status === 404) return null;
      if (status !== 200) throw new DownstreamServiceError(serviceName);
      return json as T;
    },
    async post<T>(path: string, body: unknown, context: BffContext) {
      const { status, json } = await call('POST', path, body, context);
      if (status >= 400) {
        const message = (json as RestErrorBody | null)?.error?.message ?? 'The request was rejected.';
        throw new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', serviceName } });
      }
      if (status < 200 || status >= 300) throw new DownstreamServiceError(serviceName);
      return json as T;
    },
  };
}

/** The client of the REST service `service`, at the URL the BFF configured for it (or a boot-time ConfigError). */
export function restClientOf(kit: BffKit, service: string): RestClient {
  const url = kit.serviceUrls[service];
  if (!url)
    throw new ConfigError([
      `no URL is configured for REST service '${service}' (set <PREFIX>SERVICE_${service.toUpperCase()}_URL)`,
    ]);
  return createRestClient({
    serviceName: service,
    baseUrl: url,
    fetch: kit.fetch,
    downstream: kit.downstream,
    dedupe: kit.rest.dedupe,
    identity: identityScopeOf(kit.rest.identity, service),
  });
}
