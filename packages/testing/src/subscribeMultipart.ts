import { readMultipartParts } from './readMultipartParts.js';

/** What a multipart subscription answered: its status and content type, then its parts as they come. */
export interface MultipartSubscription extends AsyncDisposable {
  readonly status: number;
  readonly contentType: string;
  /** The JSON answer when the server refused the subscription (not multipart); undefined otherwise. */
  readonly refusal: Record<string, unknown> | undefined;
  /** The next part (`{"payload":…}`, a heartbeat `{}`), or undefined once the stream has ended. */
  next(): Promise<Record<string, unknown> | undefined>;
  /** Leaves (aborts the request), as a client that unsubscribes. */
  close(): void;
}

/** The Accept header of Apollo Client's multipart subscriptions. */
export const multipartSubscriptionAccept = 'multipart/mixed;subscriptionSpec="1.0",application/json';

/**
 * POSTs a subscription as Apollo Client's multipart HTTP subscriptions do, and reads its parts one by one as they
 * arrive (readMultipartParts).
 */
export async function subscribeMultipart(
  url: string,
  body: object,
  headers: Record<string, string> = {},
): Promise<MultipartSubscription> {
  const abort = new AbortController();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: multipartSubscriptionAccept, ...headers },
    body: JSON.stringify(body),
    signal: abort.signal,
  });
  const contentType = response.headers.get('content-type') ?? '';
  const close = () => abort.abort();
  const base = { status: response.status, contentType, close, [Symbol.asyncDispose]: async () => close() };
  if (!contentType.startsWith('multipart/mixed')) {
    const refusal = (await response.json()) as Record<string, unknown>;
    return { ...base, refusal, next: async () => undefined };
  }
  const parts = readMultipartParts(response);
  // The stream ends with the closing delimiter, or is cut (the client left, the server went away): no more parts.
  const next = async (): Promise<Record<string, unknown> | undefined> => {
    try {
      const { done, value } = await parts.next();
      return done ? undefined : (value as Record<string, unknown>);
    } catch {
      return undefined;
    }
  };
  return { ...base, refusal: undefined, next };
}
