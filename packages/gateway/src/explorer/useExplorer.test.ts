import { startServices, startTestBff, type RunningServices, type TestBff } from '@bff/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const productionSecret = 'a-production-secret-of-at-least-32-characters';

const policyWithNonce = (nonce: string) =>
  `default-src 'none'; script-src 'self'; style-src 'self' 'nonce-${nonce}'; ` +
  `style-src-elem 'self' 'nonce-${nonce}'; style-src-attr 'unsafe-inline'; ` +
  "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const nonceOf = (html: string) => /<meta property="csp-nonce" nonce="([^"]+)">/.exec(html)?.[1];
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));

/** Asks a BFF's explorer for a development token for user 1. */
const requestToken = (url: string) =>
  fetch(`${url}/explorer/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"sub":"1"}',
  });

describe('useExplorer', () => {
  let services: RunningServices;
  let web: TestBff;
  const started: TestBff[] = [];
  const startWeb = async (env: NodeJS.ProcessEnv) => {
    const bff = await startTestBff('web', services, env);
    started.push(bff);
    return bff;
  };

  beforeAll(async () => {
    services = await startServices();
    web = await startWeb({});
  });
  afterAll(async () => {
    for (const bff of started) await bff.stop();
    await services?.close();
  });

  it('serves GraphiQL at /explorer under a CSP of its own origin, with a new style nonce on every page', async () => {
    const [first, second] = await Promise.all([fetch(`${web.url}/explorer`), fetch(`${web.url}/explorer`)]);
    const [firstHtml, secondHtml] = await Promise.all([first.text(), second.text()]);
    const nonce = nonceOf(firstHtml)!;
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(secondHtml)).not.toBe(nonce);
    expect(first.status).toBe(200);
    expect(
      Object.fromEntries(
        [
          'content-type',
          'content-security-policy',
          'cache-control',
          'x-content-type-options',
          'x-frame-options',
          'referrer-policy',
        ].map((name) => [name, first.headers.get(name)]),
      ),
    ).toEqual({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': policyWithNonce(nonce),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
    });
    // Nothing inline: the only script and stylesheet are the bundle's, from this origin.
    expect(firstHtml.match(/<script[^>]*>/g)).toEqual(['<script defer src="explorer/assets/explorer.js">']);
    expect(firstHtml).not.toMatch(/<style|style=|https?:/);
    expect(firstHtml).toContain(
      '<div id="explorer" data-bff-name="web" data-graphql-url="graphql" data-assets-url="explorer/assets/" ' +
        'data-token-url="explorer/token">',
    );
  });

  it('serves the page at /graphql to browsers and GraphQL to other clients, CSRF prevention still on', async () => {
    const page = await fetch(`${web.url}/graphql`, { headers: { accept: browserAccept } });
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>web BFF · GraphQL explorer</title>');

    const productName = /* GraphQL */ '{ productPage(upc: "100001") { product { name } } }';
    const query = `${web.url}/graphql?query=${encodeURIComponent(productName)}`;
    const preflighted = await fetch(query, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await preflighted.json()).toEqual({ data: { productPage: { product: { name: 'Portable Ceramic Bowl' } } } });
    const simple = await fetch(query, { headers: { accept: '*/*' } });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toContain(
      'This operation has been blocked as a potential Cross-Site Request Forgery (CSRF).',
    );
  });

  it("serves the bundle's files with their types, gzip when accepted, 304 for a known ETag, 404 for any other name", async () => {
    const script = await fetch(`${web.url}/explorer/assets/explorer.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-encoding')).toBe('gzip');
    expect(script.headers.get('cache-control')).toBe('no-cache');
    expect(script.headers.get('content-security-policy')).toBe(policyWithNonce('x').replaceAll(" 'nonce-x'", ''));
    expect((await script.text()).length).toBeGreaterThan(1_000_000);
    const unchanged = await fetch(`${web.url}/explorer/assets/explorer.js`, {
      headers: { 'if-none-match': script.headers.get('etag')! },
    });
    expect(unchanged.status).toBe(304);

    const css = await fetch(`${web.url}/explorer/assets/explorer.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const font = /codicon-\w+\.ttf/.exec(await css.text())![0];
    const fontResponse = await fetch(`${web.url}/explorer/assets/${font}`, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect([
      fontResponse.status,
      fontResponse.headers.get('content-type'),
      fontResponse.headers.get('content-encoding'),
    ]).toEqual([200, 'font/ttf', null]);
    for (const worker of ['editor.worker.js', 'json.worker.js', 'graphql.worker.js'])
      expect((await fetch(`${web.url}/explorer/assets/${worker}`)).status).toBe(200);

    const missing = await fetch(`${web.url}/explorer/assets/..%2Fpackage.json`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      errors: [
        {
          message: 'Nothing is served at GET /explorer/assets/..%2Fpackage.json. GraphQL is served at /graphql.',
          extensions: { code: 'NOT_FOUND' },
        },
      ],
    });
  }, 60_000);

  it("signs development tokens for the BFF's own client app, which the BFF accepts", async () => {
    const response = await fetch(`${web.url}/explorer/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sub: '1', roles: ['customer'] }),
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { token, expiresIn } = (await response.json()) as { token: string; expiresIn: number };
    expect(expiresIn).toBe(3600);
    const { iat, exp, ...claims } = claimsOf(token);
    expect(claims).toEqual({ sub: '1', roles: ['customer'], azp: 'web', iss: 'bff-dev', aud: 'web-bff' });
    expect(exp - iat).toBe(3600);
    const answer = await web.post(
      { query: /* GraphQL */ `{ user(id: "1") { email } }` },
      { authorization: `Bearer ${token}` },
    );
    expect(answer.body).toEqual({ data: { user: { email: 'omar.schmidt1@example.com' } } });
  });

  it('is off in production: no page, no files, no tokens, and browsers at /graphql get no page', async () => {
    const production = await startWeb({ NODE_ENV: 'production', WEB_BFF_JWT_SECRET: productionSecret });
    for (const path of ['/explorer', '/explorer/assets/explorer.js'])
      expect((await fetch(`${production.url}${path}`)).status).toBe(404);
    expect((await requestToken(production.url)).status).toBe(404);
    expect(
      (await fetch(`${production.url}/graphql`, { headers: { accept: browserAccept } })).headers.get('content-type'),
    ).not.toMatch(/html/);
  });

  it('serves the page in production with WEB_BFF_EXPLORER=on, but never signs tokens there', async () => {
    const production = await startWeb({
      NODE_ENV: 'production',
      WEB_BFF_JWT_SECRET: productionSecret,
      WEB_BFF_EXPLORER: 'on',
    });
    const html = await (await fetch(`${production.url}/explorer`)).text();
    expect(html).toContain(
      '<div id="explorer" data-bff-name="web" data-graphql-url="graphql" data-assets-url="explorer/assets/">',
    );
    expect((await requestToken(production.url)).status).toBe(404);
  });

  it('signs no tokens with a secret an operator configured, even in development', async () => {
    const configured = await startWeb({ NODE_ENV: 'development', WEB_BFF_JWT_SECRET: productionSecret });
    expect(await (await fetch(`${configured.url}/explorer`)).text()).not.toContain('data-token-url');
    expect((await requestToken(configured.url)).status).toBe(404);
  });

  it('is off in development with WEB_BFF_EXPLORER=off', async () => {
    const off = await startWeb({ NODE_ENV: 'development', WEB_BFF_EXPLORER: 'off' });
    expect((await fetch(`${off.url}/explorer`)).status).toBe(404);
  });
});
