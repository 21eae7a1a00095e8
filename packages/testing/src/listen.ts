import type { FastifyInstance } from 'fastify';

/** A server listening on a port the OS chose; close it (or `await using` it) when done. */
export interface RunningServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:54321`. */
  url: string;
  /** The port the OS assigned. */
  port: number;
  /** Closes the app (and so its server); safe to call more than once. */
  close(): Promise<void>;
  /** Same as `close`, for `await using server = await listenOnFreePort(app)`. */
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * Listens on 127.0.0.1 and a free port, so tests run in parallel without choosing ports.
 * The caller still owns the app: closing the returned server closes the app.
 */
export async function listenOnFreePort(app: FastifyInstance): Promise<RunningServer> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') {
    await app.close();
    throw new Error(`listenOnFreePort: expected a TCP address, but got: ${String(address)}`);
  }
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => (closing ??= app.close());
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    close,
    [Symbol.asyncDispose]: close,
  };
}
