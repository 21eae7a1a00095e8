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
 * arrive (the boundary from the response's content type).
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
  const boundary = `\r\n--${/boundary="?([^";]+)"?/.exec(contentType)?.[1] ?? '-'}`;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  let ended = false;
  const next = async (): Promise<Record<string, unknown> | undefined> => {
    for (;;) {
      // A part is complete once the boundary after it has arrived: `\r\n--graphql`, then `\r\n…` or `--` at the end.
      const start = buffered.indexOf(boundary);
      const end = start === -1 ? -1 : buffered.indexOf(boundary, start + boundary.length);
      if (end !== -1) {
        const part = buffered.slice(start + boundary.length, end);
        buffered = buffered.slice(end);
        const json = part.slice(part.indexOf('\r\n\r\n') + 4);
        return JSON.parse(json) as Record<string, unknown>;
      }
      if (ended) return undefined;
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch {
        ended = true;
        continue;
      }
      if (chunk.done) ended = true;
      else buffered += decoder.decode(chunk.value, { stream: true });
    }
  };
  return { ...base, refusal: undefined, next };
}
