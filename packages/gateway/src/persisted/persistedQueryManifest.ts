import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode } from 'graphql';
import { z } from 'zod';
import { ConfigError } from '../errors/ConfigError.js';

/** One trusted operation: `id` is the hex sha256 of `body`, the text the client sends or refers to. */
export interface PersistedQueryManifestOperation {
  readonly id: string;
  readonly body: string;
  readonly name: string;
  readonly type: 'query' | 'mutation' | 'subscription';
}

/** Apollo's persisted query manifest format (as @apollo/generate-persisted-query-manifest writes it). */
export interface PersistedQueryManifest {
  readonly format: 'apollo-persisted-query-manifest';
  readonly version: 1;
  readonly operations: readonly PersistedQueryManifestOperation[];
}

const manifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(
    z.object({
      id: z.string().regex(/^[0-9a-f]{64}$/),
      body: z.string().min(1),
      name: z.string().min(1),
      type: z.enum(['query', 'mutation', 'subscription']),
    }),
  ),
});

/** The hex sha256 of a document's text: its APQ hash and its manifest id. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Reads and checks a manifest at boot: its format, and that every id is the sha256 of its body.
 * Throws ConfigError naming the file and every problem.
 */
export function readPersistedQueryManifest(file: string): PersistedQueryManifest {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError([
      `persisted query manifest ${file} must be a readable JSON file, but: ${(error as Error).message}`,
    ]);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `persisted query manifest ${file} at ${issue.path.join('.') || '(root)'}: ${issue.message}`,
      ),
    );
  }
  const wrongIds = parsed.data.operations.filter((operation) => sha256Hex(operation.body) !== operation.id);
  if (wrongIds.length > 0) {
    throw new ConfigError(
      wrongIds.map(
        (operation) =>
          `persisted query manifest ${file}: the id of ${operation.name} must be the sha256 of its body; ` +
          'run npm run manifest',
      ),
    );
  }
  return parsed.data;
}

/**
 * Builds a manifest from every `.graphql` file in `directory`: one entry per operation, its body
 * the printed operation followed by the fragments it uses (transitively), sorted by name.
 * Operation names must be unique: the name is how logs and priorities know an operation.
 */
export function buildPersistedQueryManifest(directory: string): PersistedQueryManifest {
  const definitions = readdirSync(directory)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .flatMap((file) => parse(readFileSync(join(directory, file), 'utf8')).definitions);
  const fragments = new Map(
    definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const operations = definitions.flatMap((definition) => {
    if (definition.kind !== Kind.OPERATION_DEFINITION) return [];
    if (!definition.name)
      throw new Error(
        `every operation in ${directory} must be named, but one is anonymous: ${print(definition).slice(0, 60)}`,
      );
    const body = print({ kind: Kind.DOCUMENT, definitions: [definition, ...fragmentsUsedBy(definition, fragments)] });
    return [{ id: sha256Hex(body), body, name: definition.name.value, type: definition.operation }];
  });
  const names = operations.map((operation) => operation.name);
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (repeated.length > 0)
    throw new Error(
      `operation names in ${directory} must be unique, but these repeat: ${[...new Set(repeated)].join(', ')}`,
    );
  return {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: operations.sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** The manifest as it is committed: two-space JSON with a final newline. */
export function printPersistedQueryManifest(manifest: PersistedQueryManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function fragmentsUsedBy(
  root: DefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const collect = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (!fragment) throw new Error(`fragment ${name} is used but defined in no operation file`);
        if (used.has(name)) return;
        used.set(name, fragment);
        collect(fragment);
      },
    });
  collect(root);
  return [...used.values()].sort((a, b) => a.name.value.localeCompare(b.name.value));
}
