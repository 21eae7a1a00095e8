import type { Fetcher } from '@apollo/utils.fetcher';
import { ConfigError, DownstreamServiceError, downstreamHeaders, type BffContext, type BffKit } from '@bff/gateway';
import { GraphQLError } from 'graphql';

/**
 * A JSON REST service as a connector sees it. Errors are GraphQL errors naming the service.
 * Every call is made for one BFF request and carries its id and viewer (downstreamHeaders).
 */
export interface RestClient {
  /** GET a JSON resource; resolves null on 404. */
  get<T>(path: string, context: BffContext): Promise<T | null>;
  /** POST JSON; a 4xx becomes BAD_USER_INPUT with the service's message. */
  post<T>(path: string, body: unknown, context: BffContext): Promise<T>;
}

/** Options of one REST service client. */
export interface RestClientOptions {
  /** Service name, put in errors as `serviceName`. */
  readonly serviceName: string;
  readonly baseUrl: string;
  /** The BFF's pooled keep-alive fetch. */
  readonly fetch: Fetcher;
}

interface RestErrorBody {
  error?: { code?: string; message?: string };
}

/** Creates the client of one REST service over the BFF's pooled HTTP client. */
export function createRestClient(options: RestClientOptions): RestClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const call = async (method: 'GET' | 'POST', path: string, body: unknown, context: BffContext) => {
    const headers: Record<string, string> = { accept: 'application/json', ...downstreamHeaders(context) };
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      const response = await options.fetch(`${baseUrl}${path}`, {
        method,
        headers,
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      return { status: response.status, json: (await response.json()) as unknown };
    } catch (error) {
      throw new DownstreamServiceError(options.serviceName, { originalError: error as Error });
    }
  };
  return {
    async get<T>(path: string, context: BffContext) {
      const { status, json } = await call('GET', path, undefined, context);
      if (status === 404) return null;
      if (status !== 200) throw new DownstreamServiceError(options.serviceName);
      return json as T;
    },
    async post<T>(path: string, body: unknown, context: BffContext) {
      const { status, json } = await call('POST', path, body, context);
      if (status >= 400 && status < 500) {
        const message = (json as RestErrorBody).error?.message ?? 'The request was rejected.';
        throw new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', serviceName: options.serviceName } });
      }
      if (status < 200 || status >= 300) throw new DownstreamServiceError(options.serviceName);
      return json as T;
    },
  };
}

/** The base URL the BFF configured for a REST service, or a boot-time ConfigError naming it. */
export function restServiceUrl(kit: BffKit, service: string): string {
  const url = kit.serviceUrls[service];
  if (!url) throw new ConfigError([`no URL is configured for REST service '${service}' (set <PREFIX>SERVICE_${service.toUpperCase()}_URL)`]);
  return url;
}
