import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { composeServices } from '@apollo/composition';
import { createProductsApp, seedProducts } from '@bff/service-products';
import { createReviewsApp } from '@bff/service-reviews';
import { listenOnFreePort, postGraphQL, type RunningServer } from '@bff/testing';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../..');
const bin = join(repoRoot, 'packages/gateway/bin/bff-gateway.js');

/**
 * A module hook that refuses tsx and every TypeScript file: a process started with it runs only
 * JavaScript, or fails at the first import of either.
 */
const refuseTypeScript = `
export async function resolve(specifier, context, nextResolve) {
  if (/^tsx(\\/|$)/.test(specifier) || /\\.[cm]?tsx?$/.test(specifier))
    throw new Error('bff-gateway loaded TypeScript: ' + specifier);
  return nextResolve(specifier, context);
}`;
const registerRefusal = `import { register } from 'node:module'; register(${JSON.stringify(
  `data:text/javascript,${encodeURIComponent(refuseTypeScript)}`,
)});`;

interface Run {
  readonly output: () => string;
  readonly exited: Promise<number | null>;
  stop(): void;
}

function runBin(binPath: string, args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const child = spawn(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(registerRefusal)}`, binPath, ...args],
    { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', done));
  return { output: () => output, exited, stop: () => child.kill('SIGTERM') };
}

async function servingUrl(run: Run): Promise<string> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const match = /serving (http:\/\/127\.0\.0\.1:\d+)\/graphql/.exec(run.output());
    if (match?.[1]) return match[1];
    await new Promise((wake) => setTimeout(wake, 50));
  }
  throw new Error(`bff-gateway never said where it serves; it printed: ${run.output()}`);
}

describe('bff-gateway bin', () => {
  let products: RunningServer;
  let reviews: RunningServer;
  let dir: string;
  beforeAll(async () => {
    products = await listenOnFreePort(await createProductsApp());
    reviews = await listenOnFreePort(await createReviewsApp());
    const composed = composeServices(
      [products, reviews].map((service, index) => {
        const name = index === 0 ? 'products' : 'reviews';
        const schemaFile = join(repoRoot, `packages/services/${name}/schema.graphql`);
        return { name, url: `${service.url}/graphql`, typeDefs: parse(readFileSync(schemaFile, 'utf8')) };
      }),
    );
    if (composed.errors) throw new Error('the fixture supergraph did not compose');
    dir = mkdtempSync(join(tmpdir(), 'bin-'));
    writeFileSync(join(dir, 'supergraph.graphql'), composed.supergraphSdl);
  });
  afterAll(async () => {
    await products?.close();
    await reviews?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves from the compiled dist/cli.js with neither tsx nor any TypeScript file loaded', async () => {
    const run = runBin(bin, ['--supergraph', join(dir, 'supergraph.graphql'), '--port', '0'], { LOG_LEVEL: 'info' });
    try {
      const url = await servingUrl(run);
      const response = await postGraphQL(`${url}/graphql`, {
        query: /* GraphQL */ `{ product(upc: "100001") { name reviewCount } }`,
      });
      expect(response.body).toEqual({ data: { product: { name: seedProducts()[0]!.name, reviewCount: 15 } } });
    } finally {
      run.stop();
    }
    expect(await run.exited).toBe(0);
    expect(run.output()).not.toContain('loaded TypeScript');
  });

  it('exits 1 with one line saying to run `npm run build` when dist/cli.js is missing', async () => {
    // The bin finds the CLI beside itself: a copy in a folder without dist/ is a kit not yet built.
    const unbuilt = join(dir, 'unbuilt');
    mkdirSync(join(unbuilt, 'bin'), { recursive: true });
    copyFileSync(bin, join(unbuilt, 'bin/bff-gateway.js'));
    writeFileSync(join(unbuilt, 'package.json'), JSON.stringify({ type: 'module' }));
    const run = runBin(join(unbuilt, 'bin/bff-gateway.js'), ['--help']);
    expect(await run.exited).toBe(1);
    const missing = join(unbuilt, 'dist/cli.js');
    expect(run.output()).toBe(
      `bff-gateway: ${missing} is missing; run \`npm run build\` first, then run bff-gateway again.\n`,
    );
  });
});
