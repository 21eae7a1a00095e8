import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../errors/ConfigError.js';
import type { ContractFilter } from './applyContract.js';

const supergraphConfigSchema = z.object({
  contract: z
    .object({ exclude: z.array(z.string().min(1)).default([]) })
    .strict()
    .optional(),
  subgraphs: z
    .record(
      z.string().regex(/^[a-z][a-z0-9-]*$/, 'subgraph names must be lowercase nouns'),
      z.object({
        routing_url: z.string().regex(/^(https?|inprocess):\/\//, 'routing_url must be http(s):// or inprocess://'),
        schema: z.object({ file: z.string().min(1) }),
      }),
    )
    .refine((subgraphs) => Object.keys(subgraphs).length > 0, 'at least one subgraph is required'),
});

/** One subgraph to compose: its name, routing URL and SDL file (absolute). */
export interface SubgraphSource {
  readonly name: string;
  readonly routingUrl: string;
  readonly schemaFile: string;
}

/** A supergraph/<bff>.yaml file, read and validated (the same shape as rover's supergraph.yaml). */
export interface SupergraphConfig {
  readonly file: string;
  readonly subgraphs: readonly SubgraphSource[];
  /** What this BFF's API leaves out. */
  readonly contract: ContractFilter;
}

/** Reads and validates a supergraph YAML file; schema paths are resolved against its folder. */
export function readSupergraphConfig(file: string): SupergraphConfig {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError([`${file} must be a readable YAML file, but: ${(error as Error).message}`]);
  }
  const parsed = supergraphConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return {
    file,
    contract: { exclude: parsed.data.contract?.exclude ?? [] },
    subgraphs: Object.entries(parsed.data.subgraphs).map(([name, subgraph]) => ({
      name,
      routingUrl: subgraph.routing_url,
      schemaFile: resolve(dirname(file), subgraph.schema.file),
    })),
  };
}
