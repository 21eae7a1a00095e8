import type { IncomingHttpHeaders } from 'node:http';
import { identityHeaders } from '../auth/downstreamHeaders.js';
import { requestIdHeader } from '../core/requestId.js';

/** Headers that describe one connection, not the message (RFC 9110 §7.6.1), or that the proxy sets anew. */
const notForwarded = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  // The client's token stays at the BFF: services learn the viewer from the identity headers.
  'authorization',
  'cookie',
  requestIdHeader,
  ...Object.values(identityHeaders),
]);

/** The client's request headers a service may see; the caller adds the identity headers. */
export function forwardedRequestHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const forwarded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || notForwarded.has(name)) continue;
    forwarded[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return forwarded;
}

/** The service's response headers the client may see (the body is re-framed by the BFF). */
export function forwardedResponseHeaders(headers: Headers): Record<string, string> {
  const forwarded: Record<string, string> = {};
  headers.forEach((value, name) => {
    // undici has already decoded the body, so its encoding no longer applies.
    if (!notForwarded.has(name) && name !== 'content-encoding' && name !== 'set-cookie') forwarded[name] = value;
  });
  return forwarded;
}
