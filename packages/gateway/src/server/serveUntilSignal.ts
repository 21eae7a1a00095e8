import { ConfigError } from '../errors/ConfigError.js';
import type { BffServer } from './createBffServer.js';

/**
 * The body of every BFF's `main`: builds and starts the server, stops it cleanly on SIGINT or
 * SIGTERM (exit 0), and on a configuration error prints every problem and exits 1.
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
  const stop = async (signal: NodeJS.Signals) => {
    server.http.log.info(`${signal} received, stopping`);
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await server.start();
}
