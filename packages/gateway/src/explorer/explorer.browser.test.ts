import { startServices, startTestBff, type ClientName, type RunningServices, type TestBff } from '@bff/testing';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExplorerBundle } from './buildExplorerBundle.js';

// Debian's chromium (`apt-get install -y chromium`; .ci/run installs it), headless, with
// nothing of its own talking to the network.
const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  // Belt and braces beside the request routing below: no other host even resolves.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];
const artifacts = fileURLToPath(new URL('../../../../test-artifacts/', import.meta.url));

/** Per BFF: a query any viewer may run, and one the anonymous viewer may not fully read but user 1 may. */
const scenarios = {
  web: {
    dataQuery: /* GraphQL */ `{ productPage(upc: "100001") { product { name } } }`,
    dataText: 'Portable Ceramic Bowl',
    docsSearch: 'productPage',
    docsText: 'The product page of one product: the product with its reviews and their authors, stock and shipping.',
    guardedQuery: /* GraphQL */ `{ user(id: "1") { email } }`,
    anonymous: {
      errors: [
        { message: 'Not allowed to read User.email.', path: ['user', 'email'], extensions: { code: 'FORBIDDEN' } },
      ],
      data: { user: { email: null } },
    },
    userOne: { data: { user: { email: 'omar.schmidt1@example.com' } } },
    userOneText: 'omar.schmidt1@example.com',
  },
  mobile: {
    dataQuery: /* GraphQL */ `{ feed(first: 2) { edges { node { name } } } }`,
    dataText: 'Portable Ceramic Bowl',
    docsSearch: 'feed',
    docsText: 'The home feed, in catalogue order; first at most 50.',
    guardedQuery: /* GraphQL */ `{ user(id: "1") { orders { id } } }`,
    anonymous: {
      errors: [
        { message: 'Not allowed to read User.orders.', path: ['user', 'orders'], extensions: { code: 'FORBIDDEN' } },
      ],
      data: { user: { orders: null } },
    },
    userOne: { data: { user: { orders: [{ id: 'o1' }] } } },
    userOneText: '"o1"',
  },
} as const;

describe('the explorer in a browser', () => {
  let services: RunningServices;
  const bffs: Partial<Record<ClientName, TestBff>> = {};
  let userDataDir: string;
  let context: BrowserContext;
  /** Every request the browser tried to send anywhere but 127.0.0.1 (each was refused). */
  const offline: string[] = [];

  beforeAll(async () => {
    if (!existsSync(chromiumPath))
      throw new Error(
        `${chromiumPath} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`,
      );
    // Built (or read from its cache) up front, so the page tests time the page, not esbuild.
    await buildExplorerBundle();
    services = await startServices();
    bffs.web = await startTestBff('web', services);
    bffs.mobile = await startTestBff('mobile', services);
    userDataDir = await mkdtemp(join(tmpdir(), 'bff-explorer-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
      viewport: { width: 1280, height: 720 },
    });
    // A step that fails says which, well before the test's own timeout.
    context.setDefaultTimeout(8_000);
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      offline.push(url.href);
      return route.abort('blockedbyclient');
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
    await bffs.web?.stop();
    await bffs.mobile?.stop();
    await services?.close();
  });

  /** Replaces the operation editor's text, as a user typing it (Monaco's bracket closing left out). */
  async function typeOperation(page: Page, text: string): Promise<void> {
    await page.locator('.graphiql-query-editor .monaco-editor').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(text);
    await expect
      .poll(async () =>
        (await page.locator('.graphiql-query-editor .view-lines').innerText()).replaceAll('\u00a0', ' '),
      )
      .toBe(text);
  }

  /** Runs the operation in the editor; resolves to the body the BFF answered (and the response pane shows). */
  async function run(page: Page, bff: TestBff): Promise<unknown> {
    const answered = page.waitForResponse(
      (response) => response.url() === `${bff.url}/graphql` && response.request().method() === 'POST',
    );
    await page.locator('.graphiql-execute-button').click();
    return (await answered).json();
  }

  const responsePane = (page: Page, text: string) =>
    page.locator('.graphiql-response .view-lines').filter({ hasText: text });

  for (const client of ['web', 'mobile'] as const) {
    const scenario = scenarios[client];

    it(`runs queries on the ${client} BFF, shows FORBIDDEN, and signs in with a development token, all offline`, async () => {
      const bff = bffs[client]!;
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
      page.on('pageerror', (error) => problems.push(error.message));
      const workers: string[] = [];
      page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
      try {
        await page.goto(`${bff.url}/explorer`);
        await expect(page.title()).resolves.toBe(`${client} BFF · GraphQL explorer`);

        // The schema came from the BFF: its docs and search, and validation as one types.
        await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
        await page.getByRole('combobox').fill(scenario.docsSearch);
        await page.getByRole('option', { name: `Query.${scenario.docsSearch}`, exact: true }).click();
        await page.locator('.graphiql-doc-explorer-content').filter({ hasText: scenario.docsText }).waitFor();
        await typeOperation(page, '{ notAField }');
        await page.locator('.graphiql-query-editor .squiggly-error').first().waitFor();

        await typeOperation(page, scenario.dataQuery);
        await page.locator('.graphiql-query-editor .squiggly-error').first().waitFor({ state: 'detached' });
        expect(await run(page, bff)).toMatchObject({ data: expect.anything() });
        await responsePane(page, scenario.dataText).waitFor();

        await typeOperation(page, scenario.guardedQuery);
        expect(await run(page, bff)).toEqual(scenario.anonymous);
        await responsePane(page, 'FORBIDDEN').waitFor();
        await responsePane(page, scenario.anonymous.errors[0].message).waitFor();
        await mkdir(artifacts, { recursive: true });
        await page.screenshot({ path: join(artifacts, `explorer-${client}-forbidden.png`) });

        await page.getByRole('button', { name: 'Development token' }).click();
        await page.getByTestId('viewer').filter({ hasText: 'user 1 (customer) until' }).waitFor();
        await page.locator('.graphiql-editor-tool').filter({ hasText: 'Bearer ey' }).waitFor();
        expect(await run(page, bff)).toEqual(scenario.userOne);
        await responsePane(page, scenario.userOneText).waitFor();

        await page.screenshot({ path: join(artifacts, `explorer-${client}-signed-in.png`) });
        expect(workers.sort()).toEqual(
          expect.arrayContaining([
            '/explorer/assets/editor.worker.js',
            '/explorer/assets/graphql.worker.js',
            '/explorer/assets/json.worker.js',
          ]),
        );
        // A CSP violation is a console error too.
        expect(problems).toEqual([]);
        expect(offline).toEqual([]);
      } finally {
        await page.close();
      }
    }, 30_000);
  }
});
