import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
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
    await new Promise((wake) => setTimeout(wake, 25));
  }
  throw new Error(`gave up waiting: ${what()}`);
}

describe('web BFF process', () => {
  let services: RunningServices;
  beforeAll(async () => {
    services = await startServices();
  });
  afterAll(() => services?.close());

  it('finishes every in-flight request on SIGTERM, then exits 0', async () => {
    const child = spawn(process.execPath, ['--conditions=bff-compiled', 'packages/web-bff/dist/main.js'], {
      cwd: repoRoot,
      env: { ...process.env, ...routedTo('web', services), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((done) => child.on('exit', done));
    try {
      const url = await waitFor(() => /serving (http:\/\/127\.0\.0\.1:\d+)\/graphql/.exec(stdout)?.[1], () => stdout + stderr);
      services.resetCalls();
      services.behave('reviews', { delayMs: 300 });
      // Five different products: identical queries in flight would share one fetch.
      const inFlight = Array.from({ length: 5 }, (_, index) => postGraphQL(`${url}/graphql`, productPage(`10000${index + 1}`)));
      // Every request has reached the slow service: all five are in flight.
      await waitFor(() => (services.calls.reviews.length >= 5 ? true : undefined), () => `reviews saw ${services.calls.reviews.length} calls`);
      child.kill('SIGTERM');
      const responses = await Promise.all(inFlight);
      expect(responses.map((response) => [response.status, response.body.errors])).toEqual(Array.from({ length: 5 }, () => [200, undefined]));
      expect(await exited).toBe(0);
      expect(stdout.split('\n').filter((line) => line.includes('"msg":"request completed"'))).toHaveLength(5);
    } finally {
      services.behave('reviews', {});
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
