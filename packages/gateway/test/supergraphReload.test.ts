import { copyFileSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startTestStack, type GraphQLHttpResponse, type TestStack } from '@bff/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../..');
const composed = readFileSync(join(repoRoot, 'supergraph/web.graphql'), 'utf8');
const weightField = '  """Weight in grams"""\n  weight: Int! @join__field(graph: PRODUCTS)\n';
const nameQuery = { query: /* GraphQL */ `query Name { productPage(upc: "100001") { product { name } } }` };
const weightQuery = { query: /* GraphQL */ `query Weight { productPage(upc: "100001") { product { weight } } }` };

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (await check()) return;
    await new Promise((wake) => setTimeout(wake, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('web BFF supergraph reload', () => {
  let stack: TestStack;
  let file: string;
  const lines: string[] = [];
  beforeAll(async () => {
    // Booted from the web supergraph without Product.weight, then given the whole one.
    expect(composed).toContain(weightField);
    const dir = mkdtempSync(join(tmpdir(), 'reload-'));
    file = join(dir, 'web.graphql');
    writeFileSync(file, composed.replace(weightField, ''));
    stack = await startTestStack(
      'web',
      { WEB_BFF_SUPERGRAPH: file, LOG_LEVEL: 'info' },
      { logStream: { write: (line) => void lines.push(line) } },
    );
  });
  afterAll(() => stack?.close());

  it('serves a replaced supergraph without a restart, failing no request meanwhile', async () => {
    expect((await stack.bff.post(weightQuery)).body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const answered: GraphQLHttpResponse[] = [];
    let traffic = true;
    const clients = Array.from({ length: 4 }, async () => {
      while (traffic) answered.push(await stack.bff.post(nameQuery));
    });
    // Replaced the way deploys do it: written beside, then renamed over.
    writeFileSync(`${file}.next`, composed);
    renameSync(`${file}.next`, file);
    await waitFor(async () => (await stack.bff.post(weightQuery)).status === 200, 'the new field');
    traffic = false;
    await Promise.all(clients);

    expect((await stack.bff.post(weightQuery)).body).toEqual({
      data: { productPage: { product: { weight: expect.any(Number) } } },
    });
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.filter((response) => response.status !== 200 || response.body.errors !== undefined)).toEqual([]);
    expect(lines.filter((line) => line.includes(`supergraph reloaded from ${file}`))).toHaveLength(1);
  });

  it('rejects a broken supergraph with a logged reason and keeps serving the previous one', async () => {
    lines.length = 0;
    writeFileSync(file, 'type Query {');
    await waitFor(async () => lines.some((line) => line.includes('rejected')), 'the rejection');
    expect(lines.map((line) => JSON.parse(line)).filter((entry) => String(entry.msg).includes('rejected'))).toEqual([
      expect.objectContaining({
        level: 50,
        msg:
          `supergraph ${file} rejected, the previous one keeps serving: supergraph file ${file} must be a readable ` +
          'GraphQL SDL file, but: Syntax Error: Expected Name, found <EOF>.',
      }),
    ]);
    expect((await stack.bff.post(weightQuery)).status).toBe(200);
    copyFileSync(join(repoRoot, 'supergraph/web.graphql'), file);
  });

  it('rejects a supergraph that lacks a field the rules name, and keeps serving the previous one', async () => {
    lines.length = 0;
    const costField =
      '  """Unit cost in cents. Internal: staff only."""\n' +
      '  cost: Int! @join__field(graph: PRODUCTS) @tag(name: "internal")\n';
    expect(composed).toContain(costField);
    writeFileSync(file, composed.replace(costField, ''));
    await waitFor(async () => lines.some((line) => line.includes('rejected')), 'the rejection');
    expect(lines.filter((line) => line.includes('rejected')).map((line) => JSON.parse(line).msg)).toEqual([
      expect.stringContaining('Product.cost'),
    ]);
    expect((await stack.bff.post(weightQuery)).status).toBe(200);
  });
});
