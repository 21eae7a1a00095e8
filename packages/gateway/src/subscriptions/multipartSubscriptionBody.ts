import { Readable } from 'node:stream';
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';

/** The boundary of Apollo's multipart subscription protocol. */
const boundary = 'graphql';
/** The response's content type: what Apollo Client, Apollo Kotlin and Apollo iOS read. */
export const multipartSubscriptionContentType = `multipart/mixed;boundary="${boundary}";subscriptionSpec="1.0"`;

const partHead = '\r\ncontent-type: application/json; charset=utf-8\r\n\r\n';

/** Options of {@link multipartSubscriptionBody}. */
export interface MultipartSubscriptionOptions {
  /** An empty part (`{}`) after this long without one, so that proxies keep the connection open. */
  readonly heartbeatMs: number;
  /** Called with each event written. */
  readonly onEvent: () => void;
  /** Called once, when the body has ended for any reason (the events ended, the client left, `end` was called). */
  readonly onEnd: () => void;
}

/** A subscription's response body, and how to end it from outside (a transport error, e.g. on shutdown). */
export interface MultipartSubscriptionBody {
  readonly stream: Readable;
  end(error?: GraphQLFormattedError): void;
}

/**
 * Writes a subscription's events as Apollo's multipart HTTP subscription protocol: each event a part
 * `{"payload":{"data":…,"errors":…}}` followed at once by the boundary (so the client reads it on arrival), a
 * heartbeat `{}`, a transport error `{"payload":null,"errors":[…]}` before the end, and `--` closing the last
 * boundary. The next event is read only once the client has taken the last one (backpressure): a slow client's
 * events wait in the event stream's own bounded buffer. A client that leaves ends the events (their return()).
 */
export function multipartSubscriptionBody(
  events: AsyncIterator<FormattedExecutionResult, undefined>,
  options: MultipartSubscriptionOptions,
): MultipartSubscriptionBody {
  // An object, not a let: the pump reads it after each await, when a client that left may have ended the body.
  const state = { ended: false };
  let wantsMore: (() => void) | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  const stop = () => {
    if (state.ended) return;
    state.ended = true;
    clearTimeout(heartbeat);
    wantsMore?.();
    void events.return?.();
    options.onEnd();
  };
  const stream = new Readable({
    read() {
      const resume = wantsMore;
      wantsMore = undefined;
      resume?.();
    },
    destroy(error, callback) {
      stop();
      callback(error);
    },
  });
  const write = (json: string): boolean => {
    clearTimeout(heartbeat);
    heartbeat = setTimeout(() => write('{}'), options.heartbeatMs);
    return stream.push(`${partHead}${json}\r\n--${boundary}`);
  };
  const end = (error?: GraphQLFormattedError) => {
    if (state.ended) return;
    if (error) write(JSON.stringify({ payload: null, errors: [error] }));
    stream.push('--\r\n');
    stream.push(null);
    stop();
  };
  const pump = async () => {
    for (;;) {
      const next = await events.next();
      if (state.ended) return;
      if (next.done) break;
      options.onEvent();
      if (!write(JSON.stringify({ payload: next.value })))
        await new Promise<void>((resolve) => {
          wantsMore = resolve;
        });
    }
    end();
  };
  stream.push(`\r\n--${boundary}`);
  heartbeat = setTimeout(() => write('{}'), options.heartbeatMs);
  pump().catch(() => {
    end({ message: 'The subscription ended unexpectedly.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
  return { stream, end };
}
