import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Health } from './health/createHealth.js';
import type { Metrics } from './metrics/createMetrics.js';

/** Paths of the endpoints for probes and scrapes. */
export const operationalPaths: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * GET /healthz (alive: 200 `{"status":"ok"}`), /readyz (200 `{"status":"ready"}` when the
 * supergraph is loaded and the BFF is not draining, else 503 `{"status":"loading"|"draining"}`)
 * and, with metrics on, /metrics (Prometheus text). They are answered in an onRequest hook added
 * before authentication, so no later hook runs: no token check, rate limit or admission applies
 * to them (the answerProbes stage, before authenticate). While draining, every response
 * closes its connection, so keep-alive clients do not hold the shutdown up.
 */
export function useOperationalEndpoints(http: FastifyInstance, health: Health, metrics: Metrics | undefined): void {
  const answers: Record<string, (reply: FastifyReply) => Promise<FastifyReply>> = {
    '/healthz': async (reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }),
    '/readyz': async (reply) =>
      reply
        .code(health.ready ? 200 : 503)
        .header('cache-control', 'no-store')
        .send({ status: health.ready ? 'ready' : health.draining ? 'draining' : 'loading' }),
  };
  if (metrics) {
    answers['/metrics'] = async (reply) =>
      reply
        .header('content-type', metrics.registry.contentType)
        .header('cache-control', 'no-store')
        .send(await metrics.render());
  }
  // Keep-alive connections would outlive the drain: each response sent while draining closes its
  // own, so during the shutdown delay clients leave between requests on their own (no reset), and
  // the connections still idle when it ends are ones no client is using.
  http.addHook('onSend', (_request, reply, payload, done) => {
    if (health.draining) reply.header('connection', 'close');
    done(null, payload);
  });
  // An operational path is answered here (before authentication and rate limits); others go on at once.
  http.addHook('onRequest', (request, reply, done) => {
    const answer =
      request.method === 'GET' || request.method === 'HEAD' ? answers[request.url.split('?')[0] ?? ''] : undefined;
    if (!answer) {
      done();
      return;
    }
    answer(reply).catch(done);
  });
}
