import { ConfigError } from '../errors/ConfigError.js';
import type { BffServer } from './createBffServer.js';
import { forkWorkers, reportWorkerReady, shouldForkWorkers } from './forkWorkers.js';

/**
 * The body of every BFF's `main`: builds and starts the server, stops it cleanly on SIGINT or
 * SIGTERM (exit 0), and on a configuration error prints every problem and exits 1. With
 * `<P>WORKERS` above 1 the process forks that many workers sharing the port, each a whole BFF.
 */
export async function serveUntilSignal(build: () => BffServer): Promise<void> {
  let server: BffServer;
  try {
    server = build();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const { workers } = server.config.server;
  if (shouldForkWorkers(workers)) {
    // The primary only supervises: the server it built to read and check the configuration is not started.
    await server.stop();
    const address = await forkWorkers(workers, (line) => server.http.log.info(line));
    server.http.log.info(`${server.config.name} BFF serving ${address}/graphql with ${workers} workers`);
    return;
  }
  const stop = async (signal: NodeJS.Signals) => {
    server.http.log.info(`${signal} received, stopping`);
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  reportWorkerReady(await server.start());
}
