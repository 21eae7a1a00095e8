// Runs the accounts service on PORT (default 4301) and HOST (default 127.0.0.1) until a signal.
import { createAccountsApp } from './server.js';

const app = await createAccountsApp({ logger: true });
const url = await app.listen({ port: Number(process.env.PORT ?? 4301), host: process.env.HOST ?? '127.0.0.1' });
app.log.info(`accounts service ready at ${url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.log.info(`${signal} received, closing`);
    // No process.exit: once the server is closed nothing holds the event loop, so the process
    // ends by itself, after in-flight requests have been answered.
    app.close().catch((error: unknown) => {
      app.log.error({ err: error }, 'close failed');
      process.exitCode = 1;
    });
  });
}
