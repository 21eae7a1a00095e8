import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { postGraphQL } from '@bff/testing';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../..');

describe('npm start', () => {
  it('starts every service and both BFFs, prints the endpoints, serves, and stops cleanly on SIGTERM', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', WEB_BFF_PORT: '0', MOBILE_BFF_PORT: '0' };
    for (const name of ['PRODUCTS', 'REVIEWS', 'ACCOUNTS', 'ORDERS', 'INVENTORY']) env[`${name}_PORT`] = '0';
    // The launcher `npm start` runs once it has built the workspace (vitest's global setup built
    // it), minus npm's wrapper, so the signal reaches the launcher.
    const child = spawn(process.execPath, ['--conditions=bff-compiled', 'packages/embedded/dist/start.js'], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      let web: string | undefined;
      let mobile: string | undefined;
      for (let attempt = 0; attempt < 300 && !(web && mobile); attempt += 1) {
        await new Promise((wake) => setTimeout(wake, 50));
        web = /web BFF\s+(http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(stdout)?.[1];
        mobile = /mobile BFF\s+(http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(stdout)?.[1];
      }
      expect(stdout).toMatch(
        /Services:\n {2}products +http:\/\/127\.0\.0\.1:\d+\/graphql\n {2}reviews .*\n {2}accounts .*\n {2}orders .*\n {2}inventory .*/,
      );
      const page = await postGraphQL(web!, {
        query: /* GraphQL */ `{ productPage(upc: "100001") { product { upc stock reviewCount } } }`,
      });
      expect(page.body).toEqual({ data: { productPage: { product: { upc: '100001', stock: 105, reviewCount: 15 } } } });
      const feed = await postGraphQL(mobile!, { query: /* GraphQL */ `{ feed(first: 2) { edges { node { upc } } } }` });
      expect(feed.body).toEqual({
        data: { feed: { edges: [{ node: { upc: '100001' } }, { node: { upc: '100002' } }] } },
      });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
