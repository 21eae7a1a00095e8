import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import type { Readable } from 'node:stream';
import { BffErrorCode } from '../errors/BffError.js';
import { createMultipartParser } from './createMultipartParser.js';

/** The transport error of a subscription whose answer broke off without the request path saying why. */
export const interruptedSubscriptionError: GraphQLFormattedError = {
  message: 'The subscription was interrupted: subscribe again.',
  extensions: { code: BffErrorCode.INTERNAL_SERVER_ERROR },
};

/** Results waiting for a slow consumer before the body is paused (a WebSocket client that reads slowly). */
const maxQueuedResults = 16;

/**
 * The results of a subscription answered over HTTP in Apollo's multipart subscription format, as they arrive:
 * each part `{"payload": {…}}` is one result; a heartbeat `{}` is skipped; a transport error
 * `{"payload": null, "errors": […]}` is one last result `{ errors }`, as is a body that breaks off before its closing
 * delimiter (interruptedSubscriptionError). Not an async generator: return() ends at once, a pending next() with it,
 * and calls `cancel` (which closes the answer, so the request path ends the subscription) if the body had not ended.
 */
export function multipartResults(
  body: Readable,
  boundary: string,
  cancel: () => void,
): AsyncIterableIterator<FormattedExecutionResult, undefined> {
  const done: IteratorReturnResult<undefined> = { value: undefined, done: true };
  const queued: FormattedExecutionResult[] = [];
  let waiting: ((result: IteratorResult<FormattedExecutionResult, undefined>) => void) | undefined;
  let finished = false;
  const finish = (): void => {
    finished = true;
    waiting?.(done);
    waiting = undefined;
  };
  const push = (result: FormattedExecutionResult): void => {
    if (waiting) {
      waiting({ value: result, done: false });
      waiting = undefined;
      return;
    }
    queued.push(result);
    if (queued.length >= maxQueuedResults) body.pause();
  };
  const breakOff = (errors: readonly GraphQLFormattedError[]): void => {
    if (finished) return;
    push({ errors });
    finish();
  };
  const parser = createMultipartParser(boundary, {
    part(part) {
      if (finished) return;
      const { payload, errors } = (typeof part === 'object' && part !== null ? part : {}) as {
        payload?: unknown;
        errors?: unknown;
      };
      if (typeof payload === 'object' && payload !== null) push(payload);
      else if (Array.isArray(errors)) breakOff(errors as GraphQLFormattedError[]);
      else if (typeof part !== 'object' || part === null) breakOff([interruptedSubscriptionError]);
      // Anything else, `{}` among them, is a heartbeat: it only kept the connection open.
    },
    malformed: () => breakOff([interruptedSubscriptionError]),
    end: finish,
  });
  body.on('data', (chunk: Buffer) => parser.write(chunk));
  body.on('end', () => breakOff([interruptedSubscriptionError]));
  // The answer destroyed by the request path (or its connection lost) before its closing delimiter.
  body.on('error', () => breakOff([interruptedSubscriptionError]));
  body.on('close', () => breakOff([interruptedSubscriptionError]));
  const results: AsyncIterableIterator<FormattedExecutionResult, undefined> = {
    next() {
      const result = queued.shift();
      if (result !== undefined) {
        if (queued.length < maxQueuedResults && body.isPaused()) body.resume();
        return Promise.resolve({ value: result, done: false });
      }
      if (finished) return Promise.resolve(done);
      return new Promise((resolve) => (waiting = resolve));
    },
    return() {
      queued.length = 0;
      if (!finished) {
        finish();
        cancel();
      }
      return Promise.resolve(done);
    },
    [Symbol.asyncIterator]: () => results,
  };
  return results;
}
