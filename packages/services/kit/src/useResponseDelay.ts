import type { FastifyInstance, FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Makes every request to `app` wait `delayMs` before it is handled, but `/healthz`: a slowed service
 * stays healthy to its orchestrator's probes. With 0 it adds nothing, not even a hook. Call it before
 * the app listens (fastify refuses hooks after).
 */
export function useResponseDelay(app: FastifyInstance, delayMs: number): void {
  if (!Number.isInteger(delayMs) || delayMs < 0) {
    throw new RangeError(`useResponseDelay: delayMs must be an integer of 0 or more, but got: ${delayMs}`);
  }
  if (delayMs === 0) return;
  // Named, so `printRoutes({ includeHooks: true })` shows it.
  app.addHook('onRequest', async function delayResponse(request: FastifyRequest) {
    if (request.routeOptions.url !== '/healthz') await sleep(delayMs);
  });
}
