import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from './composeSupergraph.js';
import { readSupergraphConfig } from './readSupergraphConfig.js';

const repoRoot = resolve(import.meta.dirname, '../../../..');
const run = promisify(execFile);
/** Every committed supergraph, as `npm run compose` finds them: supergraph/<name>.yaml. */
const committedSupergraphs = readdirSync(join(repoRoot, 'supergraph'))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.slice(0, -'.yaml'.length));

function writeFixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'compose-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const fed = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';
const twoSubgraphs = (a: string, b: string) => ({
  'supergraph.yaml': `subgraphs:\n  alpha:\n    routing_url: http://127.0.0.1:1/graphql\n    schema:\n      file: alpha.graphql\n  beta:\n    routing_url: http://127.0.0.1:2/graphql\n    schema:\n      file: beta.graphql\n`,
  'alpha.graphql': a,
  'beta.graphql': b,
});

describe('composeSupergraph', () => {
  it.each(committedSupergraphs)('finds the committed supergraph/%s.graphql current', (bff) => {
    const outcome = composeSupergraph(readSupergraphConfig(join(repoRoot, 'supergraph', `${bff}.yaml`)));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const committed = readFileSync(join(repoRoot, 'supergraph', `${bff}.graphql`), 'utf8');
    // When this fails: run `npm run compose` and commit supergraph/*.graphql.
    expect(committed).toBe(outcome.supergraphSdl);
  });

  it('reports a field type conflict with both subgraphs, its code and a hint', () => {
    const dir = writeFixture(
      twoSubgraphs(
        /* GraphQL */ `${fed}\ntype Product @key(fields: "upc") { upc: String! price: Int! @shareable }\ntype Query { a: Product }`,
        /* GraphQL */ `${fed}\ntype Product @key(fields: "upc") { upc: String! price: String! @shareable }\ntype Query { b: Product }`,
      ),
    );
    const outcome = composeSupergraph(readSupergraphConfig(join(dir, 'supergraph.yaml')));
    expect(outcome).toEqual({
      ok: false,
      problems: [
        {
          subgraphs: ['alpha', 'beta'],
          code: 'FIELD_TYPE_MISMATCH',
          message: expect.stringContaining('Type of field "Product.price" is incompatible across subgraphs'),
          hint: 'A field has a type that is incompatible with other declarations of that field in other subgraphs.',
        },
      ],
    });
  });

  it('names the subgraphs of an error whose message quotes them', () => {
    const dir = writeFixture(
      twoSubgraphs(
        /* GraphQL */ `${fed}\ntype Product @key(fields: "upc") { upc: String! price: Int! }\ntype Query { a: Product }`,
        /* GraphQL */ `${fed}\ntype Product @key(fields: "upc") { upc: String! price: Int! }\ntype Query { b: Product }`,
      ),
    );
    const outcome = composeSupergraph(readSupergraphConfig(join(dir, 'supergraph.yaml')));
    expect(outcome).toEqual({
      ok: false,
      problems: [
        {
          subgraphs: ['alpha', 'beta'],
          code: 'INVALID_FIELD_SHARING',
          message:
            'Non-shareable field "Product.price" is resolved from multiple subgraphs: it is resolved from subgraphs ' +
            '"alpha" and "beta" and defined as non-shareable in all of them',
          hint: 'A field that is non-shareable in at least one subgraph is resolved by multiple subgraphs.',
        },
      ],
    });
  });

  it('reports SDL that does not parse as GRAPHQL_PARSE_FAILED naming the subgraph', () => {
    const dir = writeFixture(
      twoSubgraphs(/* GraphQL */ `${fed}\ntype Query { a: Int`, /* GraphQL */ `${fed}\ntype Query { b: Int }`),
    );
    const outcome = composeSupergraph(readSupergraphConfig(join(dir, 'supergraph.yaml')));
    expect(outcome).toEqual({
      ok: false,
      problems: [
        {
          subgraphs: ['alpha'],
          code: 'GRAPHQL_PARSE_FAILED',
          message: `${join(dir, 'alpha.graphql')}: Syntax Error: Expected Name, found <EOF>.`,
          hint: 'Fix the SDL syntax at the location shown.',
        },
      ],
    });
  });
});

describe('contracts', () => {
  const apiFieldsOf = (sdl: string, type: string) =>
    Object.keys((Supergraph.build(sdl).apiSchema().toGraphQLJSSchema().getType(type) as GraphQLObjectType).getFields());

  it("leaves elements with an excluded tag out of that BFF's API only", () => {
    const web = composeSupergraph(readSupergraphConfig(join(repoRoot, 'supergraph/web.yaml')));
    const mobile = composeSupergraph(readSupergraphConfig(join(repoRoot, 'supergraph/mobile.yaml')));
    if (!web.ok || !mobile.ok) throw new Error('the committed supergraphs must compose');
    expect(apiFieldsOf(web.supergraphSdl, 'Product')).toEqual(expect.arrayContaining(['cost', 'supplier']));
    expect(apiFieldsOf(mobile.supergraphSdl, 'Product')).not.toContain('cost');
    expect(apiFieldsOf(mobile.supergraphSdl, 'Product')).not.toContain('supplier');
  });

  it('fails clearly when an exclusion breaks the graph', () => {
    const tagged = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@tag"])';
    const dir = writeFixture({
      ...twoSubgraphs(
        /* GraphQL */ `${tagged}\ntype Secret @tag(name: "internal") { code: String }\ntype Query { secret: Secret! }`,
        /* GraphQL */ `${tagged}\ntype Query { b: Int }`,
      ),
    });
    writeFileSync(
      join(dir, 'supergraph.yaml'),
      `contract:\n  exclude: [internal]\n${readFileSync(join(dir, 'supergraph.yaml'), 'utf8')}`,
    );
    const outcome = composeSupergraph(readSupergraphConfig(join(dir, 'supergraph.yaml')));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((problem) => problem.code)).toEqual(['REFERENCED_INACCESSIBLE']);
    expect(outcome.problems[0]!.message).toContain(
      'Type "Secret" is @inaccessible but is referenced by "Query.secret"',
    );
  });
});

describe('npm run compose', () => {
  it('exits 1 and prints subgraph, code and hint when composition fails', async () => {
    const dir = writeFixture(
      twoSubgraphs(
        /* GraphQL */ `${fed}\ntype Product @key(fields: "upc") { upc: String! price: Int! @shareable }\ntype Query { a: Product }`,
        /* GraphQL */ `${fed}\ntype Product @key(fields: "upc") { upc: String! price: String! @shareable }\ntype Query { b: Product }`,
      ),
    );
    const failure = await run('npx', ['tsx', 'packages/gateway/src/compose/cli.ts', join(dir, 'supergraph.yaml')], {
      cwd: repoRoot,
    }).then(
      () => undefined,
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('✗ [alpha, beta] FIELD_TYPE_MISMATCH');
    expect(failure?.stderr).toContain(
      'hint: A field has a type that is incompatible with other declarations of that field in other subgraphs.',
    );
  });

  it('exits 0 with --check when the committed supergraphs are current', async () => {
    const { stdout } = await run('npx', ['tsx', 'packages/gateway/src/compose/cli.ts', '--check'], { cwd: repoRoot });
    expect(stdout).toBe(committedSupergraphs.map((name) => `${name}.graphql is current\n`).join(''));
    expect(committedSupergraphs).toEqual(expect.arrayContaining(['guild-benchmark', 'mobile', 'web']));
  });
});
