import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { postGraphQL, routedTo, startServices, type RunningServices } from '@bff/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../..');
const productPage = (upc: string) => ({
  query: /* GraphQL */ `
    query ProductPage($upc: String!) {
      productPage(upc: $upc) { product { name reviews(first: 1) { rating } } }
    }
  `,
  variables: { upc },
});

async function waitFor<T>(check: () => T | undefined, what: () => string): Promise<T> {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    const value = check();
    if (value !== undefined) return value;
    await sleep(25);
  }
  throw new Error(`gave up waiting: ${what()}`);
}

interface BffProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly exited: Promise<number | null>;
  readonly stdout: () => string;
}

/** The web BFF as `npm start` runs it (compiled, its own process), routed to `services`. */
async function startWebBffProcess(services: RunningServices, env: NodeJS.ProcessEnv): Promise<BffProcess> {
  const child = spawn(process.execPath, ['--conditions=bff-compiled', 'packages/web-bff/dist/main.js'], {
    cwd: repoRoot,
    env: { ...process.env, ...routedTo('web', services), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', done));
  try {
    const url = await waitFor(
      () => /serving (http:\/\/127\.0\.0\.1:\d+)\/graphql/.exec(stdout)?.[1],
      () => stdout + stderr,
    );
    return { child, url, exited, stdout: () => stdout };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

/** What a client saw of one request: the status and body, or the code of the error it failed with. */
async function send(
  url: string,
  upc: string,
): Promise<{ status: number; text: string; connection: string | null } | { error: string }> {
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(productPage(upc)),
    });
    return { status: response.status, text: await response.text(), connection: response.headers.get('connection') };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { error: cause?.code ?? cause?.message ?? String(error) };
  }
}

describe('web BFF process', () => {
  let services: RunningServices;
  beforeAll(async () => {
    services = await startServices();
  });
  afterAll(() => services?.close());

  it('finishes every in-flight request on SIGTERM, then exits 0', async () => {
    const bff = await startWebBffProcess(services, { WEB_BFF_SHUTDOWN_DELAY_MS: '0' });
    try {
      services.resetCalls();
      services.behave('reviews', { delayMs: 300 });
      // Five different products: identical queries in flight would share one fetch.
      const inFlight = Array.from({ length: 5 }, (_, index) =>
        postGraphQL(`${bff.url}/graphql`, productPage(`10000${index + 1}`)),
      );
      // Every request has reached the slow service: all five are in flight.
      await waitFor(
        () => (services.calls.reviews.length >= 5 ? true : undefined),
        () => `reviews saw ${services.calls.reviews.length} calls`,
      );
      bff.child.kill('SIGTERM');
      const responses = await Promise.all(inFlight);
      expect(responses.map((response) => [response.status, response.body.errors])).toEqual(
        Array.from({ length: 5 }, () => [200, undefined]),
      );
      expect(await bff.exited).toBe(0);
      expect(
        bff
          .stdout()
          .split('\n')
          .filter((line) => line.includes('"msg":"request completed"')),
      ).toHaveLength(5);
    } finally {
      services.behave('reviews', {});
      if (bff.child.exitCode === null) bff.child.kill('SIGKILL');
    }
  });

  it('issue #23 - fails no request of 20 keep-alive clients under load on SIGTERM: unready but serving for the shutdown delay, then draining, then exit 0', async () => {
    const shutdownDelayMs = 3_000;
    const bff = await startWebBffProcess(services, {
      WEB_BFF_SHUTDOWN_DELAY_MS: String(shutdownDelayMs),
      WEB_BFF_SHUTDOWN_GRACE_MS: '10000',
      // The load is one anonymous client well past the per-IP limit; every answer must come from the services.
      WEB_BFF_RATE_LIMIT_PER_USER: '0',
      WEB_BFF_RESPONSE_CACHE: 'off',
    });
    try {
      const upcs = Array.from({ length: 20 }, (_, index) => String(100_001 + index));
      const expected = new Map<string, string>();
      for (const upc of upcs) {
        const answer = await send(bff.url, upc);
        expect(answer).toMatchObject({ status: 200 });
        expect(JSON.parse((answer as { text: string }).text)).toEqual({
          data: { productPage: { product: { name: expect.any(String), reviews: expect.any(Array) } } },
        });
        expected.set(upc, (answer as { text: string }).text);
      }

      // As a load balancer does: a probe of /readyz every 50 ms, and no new request once it says unready.
      let ready = true;
      // Initialised here, though set once below: since() reads it before.
      let signalledAt: number | undefined = undefined;
      const readiness: string[] = [];
      const failures: string[] = [];
      const since = () =>
        signalledAt === undefined ? 'before SIGTERM' : `${Date.now() - signalledAt} ms after SIGTERM`;
      const probing = (async () => {
        while (ready) {
          try {
            const response = await fetch(`${bff.url}/readyz`);
            const status = `${response.status} ${await response.text()}`;
            if (readiness.at(-1) !== status) readiness.push(status);
            if (response.status !== 200) ready = false;
          } catch (error) {
            failures.push(`/readyz failed ${since()}: ${String((error as { cause?: unknown }).cause ?? error)}`);
            ready = false;
          }
          await sleep(50);
        }
      })();
      let answered = 0;
      let answeredAfterSignal = 0;
      // 20 clients, one request after another each, over fetch's keep-alive connections.
      const clients = upcs.map(async (_, client) => {
        for (let request = client; ready; request += 1) {
          const upc = upcs[request % upcs.length]!;
          const answer = await send(bff.url, upc);
          if ('error' in answer) failures.push(`${answer.error} ${since()}`);
          else if (answer.status !== 200 || answer.text !== expected.get(upc))
            failures.push(`${answer.status} ${answer.text} ${since()}`);
          else if (signalledAt === undefined) answered += 1;
          else answeredAfterSignal += 1;
        }
      });

      // Every connection is busy (each client has had answers), then the orchestrator stops the BFF.
      await waitFor(
        () => (answered >= 200 ? true : undefined),
        () => `only ${answered} answers before SIGTERM; failures: ${failures.join(', ')}`,
      );
      bff.child.kill('SIGTERM');
      signalledAt = Date.now();
      await Promise.all([probing, ...clients]);

      // A client that has not noticed yet, halfway through the delay, is served; its request,
      // slowed down, is still running when the delay ends and draining starts, and finishes.
      await sleep(shutdownDelayMs / 2 - (Date.now() - signalledAt));
      services.behave('reviews', { delayMs: shutdownDelayMs });
      const late = await send(bff.url, upcs[0]!);
      const lateAnsweredAfter = Date.now() - signalledAt;

      expect(failures).toEqual([]);
      expect(readiness).toEqual(['200 {"status":"ready"}', '503 {"status":"draining"}']);
      expect(late).toEqual({ status: 200, text: expected.get(upcs[0]!), connection: 'close' });
      expect(lateAnsweredAfter).toBeGreaterThan(shutdownDelayMs);
      expect(answeredAfterSignal).toBeGreaterThan(0);
      expect(await bff.exited).toBe(0);
      expect(bff.stdout()).toContain(`unready; serving ${shutdownDelayMs} ms more before draining`);
    } finally {
      services.behave('reviews', {});
      if (bff.child.exitCode === null) bff.child.kill('SIGKILL');
    }
  }, 60_000);
});
