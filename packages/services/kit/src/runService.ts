import type { FastifyInstance } from 'fastify';
import { readResponseDelay, responseDelayKey } from './readResponseDelay.js';
import { useResponseDelay } from './useResponseDelay.js';

/** How {@link runService} builds the app: every service's `create<Name>App` fits. */
export type ServiceAppFactory = (options: { logger: boolean }) => Promise<FastifyInstance>;

/** Options of {@link runService}. */
export interface RunServiceOptions {
  /** The service's name, as in supergraph/*.yaml; it starts the log lines, e.g. `accounts`. */
  name: string;
  /** Port when PORT is unset or empty; each service has its own, so all can run side by side. */
  defaultPort: number;
  /** Builds the app, with logging on; called once PORT has been checked. */
  create: ServiceAppFactory;
  /** Where PORT, HOST and `<NAME>_RESPONSE_DELAY_MS` are read. @default process.env */
  env?: NodeJS.ProcessEnv;
}

/** Host when HOST is unset: loopback, so a service started by hand is not open to the network. */
export const defaultServiceHost = '127.0.0.1';

/**
 * The main of every example service: builds the app, listens on PORT (default `defaultPort`)
 * and HOST (default {@link defaultServiceHost}), logs the URL, and closes the app on the first
 * SIGINT or SIGTERM. With `<NAME>_RESPONSE_DELAY_MS` (e.g. REVIEWS_RESPONSE_DELAY_MS=200), every
 * request but /healthz waits that long first, for benchmarks. Resolves with the app once it listens;
 * rejects before building anything when PORT is not a port or the delay not a delay.
 */
export async function runService(options: RunServiceOptions): Promise<FastifyInstance> {
  const env = options.env ?? process.env;
  checkPort('runService: defaultPort', options.defaultPort);
  const port = env.PORT === undefined || env.PORT === '' ? options.defaultPort : readPort(env.PORT);
  const responseDelayMs = readResponseDelay(options.name, env);

  const app = await options.create({ logger: true });
  useResponseDelay(app, responseDelayMs);
  if (responseDelayMs > 0) {
    app.log.info(`${options.name} responses delayed by ${responseDelayMs} ms (${responseDelayKey(options.name)})`);
  }
  const url = await app.listen({ port, host: env.HOST || defaultServiceHost });
  app.log.info(`${options.name} service ready at ${url}`);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info(`${signal} received, closing`);
      // No process.exit: once the server is closed nothing holds the event loop, so the process
      // ends by itself, after in-flight requests have been answered. A second signal finds no
      // listener left and kills the process the default way.
      app.close().catch((error: unknown) => {
        app.log.error({ err: error }, 'close failed');
        process.exitCode = 1;
      });
    });
  }
  return app;
}

/** Parses PORT strictly: `Number()` alone would accept '1e3', ' 80' and '0x50'. */
function readPort(raw: string): number {
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : Number.NaN;
  checkPort('PORT', port, `'${raw}'`);
  return port;
}

function checkPort(what: string, port: number, shown: string = String(port)): void {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`${what} must be an integer from 0 to 65535, but got: ${shown}`);
  }
}
