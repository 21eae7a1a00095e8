import type { FastifyRequest } from 'fastify';

/** One operation of a GraphQL request as sent: a POST body (or batch entry), or a GET query string. */
export interface OperationRequest {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } } | string;
  operationName?: unknown;
}

/** The operations of a POST body (one, or a batch) or of a GET query string, as mutable objects. */
export function operationsOf(request: FastifyRequest): OperationRequest[] {
  const source = request.method === 'GET' ? request.query : request.body;
  const operations = Array.isArray(source) ? source : [source];
  return operations.filter(
    (operation): operation is OperationRequest => typeof operation === 'object' && operation !== null,
  );
}

/** The APQ hash of an operation's extensions (an object, or JSON text in a GET query string). */
export function apqHashOf(extensions: OperationRequest['extensions']): string | undefined {
  let parsed: unknown = extensions;
  if (typeof extensions === 'string') {
    try {
      parsed = JSON.parse(extensions);
    } catch {
      return undefined;
    }
  }
  const hash = (parsed as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}
