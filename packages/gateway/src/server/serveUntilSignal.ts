import { ConfigError } from '../errors/ConfigError.js';
import type { BffServer } from './createBffServer.js';
import { forkIfConfigured, startServing } from './forkWorkers.js';

/**
 * The body of every BFF's `main`: builds and starts the server, stops it cleanly on SIGINT or
 * SIGTERM (unready but serving for `<P>SHUTDOWN_DELAY_MS`, then draining; exit 0), and on a
 * configuration error prints every problem and exits 1. With
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
  const forked = await forkIfConfigured(server, (line) => server.http.log.info(line));
  if (forked) {
    server.http.log.info(
      `${server.config.name} BFF serving ${forked}/graphql with ${server.config.server.workers} workers`,
    );
    return;
  }
  const stop = async (signal: NodeJS.Signals) => {
    server.http.log.info(`${signal} received, stopping`);
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', (signal) => void stop(signal));
  process.once('SIGTERM', (signal) => void stop(signal));
  await startServing(server);
}
