import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createProductsApp, seedProducts } from '@bff/service-products';
import { createReviewsApp } from '@bff/service-reviews';
import { childProcessesOf, listenOnFreePort, postGraphQL, type RunningServer } from '@bff/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSupergraph } from './compose/composeSupergraph.js';
import { readSupergraphConfig } from './compose/readSupergraphConfig.js';

const repoRoot = resolve(import.meta.dirname, '../../..');
const bin = join(repoRoot, 'packages/gateway/bin/bff-gateway.js');

interface Exited {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { child: ChildProcess; exited: Promise<Exited>; output: () => string } {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Exited>((done) => child.on('exit', (code) => done({ code, stdout, stderr })));
  return { child, exited, output: () => stdout };
}

async function waitForUrl(output: () => string): Promise<string> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const match = /serving (http:\/\/127\.0\.0\.1:\d+)\/graphql/.exec(output());
    if (match?.[1]) return match[1];
    await new Promise((wake) => setTimeout(wake, 50));
  }
  throw new Error(`the CLI never said where it serves; it printed: ${output()}`);
}

/** One request on a connection opened for it alone (fetch would reuse one, and so reach one worker). */
function overNewConnection(
  url: string,
  method: 'GET' | 'POST',
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolveResponse, reject) => {
    const request = httpRequest(
      url,
      { method, agent: false, headers: body ? { 'content-type': 'application/json' } : {} },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolveResponse({ status: response.statusCode ?? 0, text }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (condition()) return;
    await new Promise((wake) => setTimeout(wake, 50));
  }
  throw new Error(`timed out waiting until ${what}`);
}

describe('bff-gateway CLI', () => {
  let products: RunningServer;
  let reviews: RunningServer;
  let supergraphFile: string;
  beforeAll(async () => {
    products = await listenOnFreePort(await createProductsApp());
    reviews = await listenOnFreePort(await createReviewsApp());
    // A supergraph of the two GraphQL services only: nothing in-process, so the bare kit serves it.
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    writeFileSync(
      join(dir, 'supergraph.yaml'),
      `subgraphs:\n  products:\n    routing_url: http://127.0.0.1:1/graphql\n    schema:\n      file: ${join(repoRoot, 'packages/services/products/schema.graphql')}\n  reviews:\n    routing_url: http://127.0.0.1:2/graphql\n    schema:\n      file: ${join(repoRoot, 'packages/services/reviews/schema.graphql')}\n`,
    );
    const outcome = composeSupergraph(readSupergraphConfig(join(dir, 'supergraph.yaml')));
    if (!outcome.ok) throw new Error('fixture supergraph did not compose');
    supergraphFile = join(dir, 'supergraph.graphql');
    writeFileSync(supergraphFile, outcome.supergraphSdl);
  });
  afterAll(async () => {
    await products?.close();
    await reviews?.close();
  });

  it('serves any supergraph file with subgraph URLs from the environment, and exits 0 on SIGTERM', async () => {
    const cli = runCli(['--supergraph', supergraphFile, '--port', '0'], {
      BFF_SUBGRAPH_PRODUCTS_URL: `${products.url}/graphql`,
      BFF_SUBGRAPH_REVIEWS_URL: `${reviews.url}/graphql`,
      LOG_LEVEL: 'info',
    });
    try {
      const url = await waitForUrl(cli.output);
      const response = await postGraphQL(`${url}/graphql`, {
        query: /* GraphQL */ `{ product(upc: "100001") { name reviewCount } }`,
      });
      expect(response.body).toEqual({ data: { product: { name: seedProducts()[0]!.name, reviewCount: 15 } } });
    } finally {
      cli.child.kill('SIGTERM');
    }
    expect((await cli.exited).code).toBe(0);
  });

  const runTwoWorkers = () =>
    runCli(['--supergraph', supergraphFile, '--port', '0'], {
      BFF_SUBGRAPH_PRODUCTS_URL: `${products.url}/graphql`,
      BFF_SUBGRAPH_REVIEWS_URL: `${reviews.url}/graphql`,
      BFF_WORKERS: '2',
      LOG_LEVEL: 'info',
    });

  it('serves from BFF_WORKERS processes on one port, replaces a worker that dies, and stops them all on SIGTERM', async () => {
    const cli = runTwoWorkers();
    const primary = cli.child.pid!;
    const query = { query: /* GraphQL */ `{ product(upc: "100001") { name } }` };
    const expected = { data: { product: { name: seedProducts()[0]!.name } } };
    let workers: number[] = [];
    try {
      // The primary says where it serves once every worker listens.
      await waitUntil(
        () => cli.output().includes('/graphql with 2 workers'),
        'the primary reported both workers ready',
      );
      const url = await waitForUrl(cli.output);
      workers = childProcessesOf(primary);
      expect(workers).toHaveLength(2);
      expect((await postGraphQL(`${url}/graphql`, query)).body).toEqual(expected);
      process.kill(workers[0]!, 'SIGKILL');
      await waitUntil(
        () => childProcessesOf(primary).length === 2 && !childProcessesOf(primary).includes(workers[0]!),
        'a new worker replaced the killed one',
      );
      workers = childProcessesOf(primary);
      await waitUntil(
        () => /exited \(SIGKILL\); starting another/.test(cli.output()),
        'the primary logged the replacement',
      );
      // The replacement listens once it has loaded the supergraph; until then the other worker answers.
      expect((await postGraphQL(`${url}/graphql`, query)).body).toEqual(expected);
    } finally {
      cli.child.kill('SIGTERM');
    }
    expect((await cli.exited).code).toBe(0);
    expect(workers.filter((pid) => existsSync(`/proc/${pid}`))).toEqual([]);
  });

  it("answers /metrics from any worker with the sum of every worker's metrics", async () => {
    const cli = runTwoWorkers();
    try {
      await waitUntil(
        () => cli.output().includes('/graphql with 2 workers'),
        'the primary reported both workers ready',
      );
      const url = await waitForUrl(cli.output);
      // Each on a connection of its own: the primary hands connections to the workers in turn.
      const body = JSON.stringify({ query: /* GraphQL */ `{ product(upc: "100001") { name } }` });
      for (let sent = 0; sent < 6; sent += 1) {
        const { status } = await overNewConnection(`${url}/graphql`, 'POST', body);
        expect(status).toBe(200);
      }
      const requestsCounted = (text: string) =>
        [...text.matchAll(/^bff_requests_total\{[^}]*\} (\d+)$/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
      for (let scrape = 0; scrape < 4; scrape += 1) {
        const { status, text } = await overNewConnection(`${url}/metrics`, 'GET');
        expect([status, requestsCounted(text)]).toEqual([200, 6]);
      }
    } finally {
      cli.child.kill('SIGTERM');
    }
    expect((await cli.exited).code).toBe(0);
  });

  it('exits 1 naming every bad setting at once', async () => {
    const { code, stderr } = await runCli(['--supergraph', supergraphFile, '--port', 'eighty'], {
      BFF_SUBGRAPH_TIMEOUT_MS: '-5',
    }).exited;
    expect(code).toBe(1);
    expect(stderr).toContain("BFF_PORT must be an integer from 0 to 65535, but got: 'eighty'");
    expect(stderr).toContain("BFF_SUBGRAPH_TIMEOUT_MS must be an integer from 1 to 600000, but got: '-5'");
  });

  it('exits 1 when a subgraph is routed in-process and the bare kit has no implementation of it', async () => {
    const { code, stderr } = await runCli(['--supergraph', join(repoRoot, 'supergraph/web.graphql'), '--port', '0'])
      .exited;
    expect(code).toBe(1);
    expect(stderr).toContain(
      "subgraph 'accounts' is routed in-process (inprocess://accounts) but this server has no in-process implementation; give it an http(s) URL override",
    );
  });

  it('exits 1 for a missing supergraph file', async () => {
    const { code, stderr } = await runCli(['--supergraph', '/nonexistent/supergraph.graphql']).exited;
    expect(code).toBe(1);
    expect(stderr).toContain('supergraph file /nonexistent/supergraph.graphql must be a readable GraphQL SDL file');
  });
});
