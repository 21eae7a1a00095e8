import type { FastifyInstance } from 'fastify';

/**
 * Runs `advanceAll` every `intervalMs` while the app is ready, from `ready()` (or `listen()`) until `close()`. A run
 * still publishing when the next is due makes that one skip, so a slow publisher never piles runs up.
 */
export function advanceOnInterval(app: FastifyInstance, intervalMs: number, advanceAll: () => Promise<void>): void {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  app.addHook('onReady', async () => {
    timer = setInterval(() => {
      if (running) return;
      running = true;
      advanceAll()
        .catch((error: unknown) => app.log.error({ err: error }, 'advancing orders failed'))
        .finally(() => (running = false));
    }, intervalMs);
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
