import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { errorCodeDef } from '@apollo/federation-internals';
import { GraphQLError, parse, type DocumentNode } from 'graphql';
import { applyContract } from './applyContract.js';
import type { SubgraphSource, SupergraphConfig } from './readSupergraphConfig.js';

/** One reason a supergraph did not compose, as an operator needs it to fix the subgraph. */
export interface CompositionProblem {
  /** Subgraphs involved, when known. */
  readonly subgraphs: readonly string[];
  /** Federation error code, e.g. FIELD_TYPE_MISMATCH, or GRAPHQL_PARSE_FAILED for bad SDL. */
  readonly code: string;
  readonly message: string;
  /** What the code means and how to fix it, from Federation's own error catalogue. */
  readonly hint: string;
}

/** The outcome of composing one supergraph config. */
export type CompositionOutcome =
  | { readonly ok: true; readonly supergraphSdl: string; readonly hints: readonly string[] }
  | { readonly ok: false; readonly problems: readonly CompositionProblem[] };

/** Composes the subgraphs of a supergraph config with @apollo/composition (Federation 2), offline. */
export function composeSupergraph(config: SupergraphConfig): CompositionOutcome {
  const problems: CompositionProblem[] = [];
  const services = config.subgraphs.flatMap((subgraph) => {
    const typeDefs = readSubgraphSdl(subgraph, problems);
    return typeDefs
      ? [{ name: subgraph.name, url: subgraph.routingUrl, typeDefs: applyContract(typeDefs, config.contract) }]
      : [];
  });
  if (problems.length > 0) return { ok: false, problems };
  const result = composeServices(services);
  const names = config.subgraphs.map((subgraph) => subgraph.name);
  if (result.errors) return { ok: false, problems: result.errors.map((error) => toProblem(error, names)) };
  return {
    ok: true,
    supergraphSdl: `${result.supergraphSdl.trimEnd()}\n`,
    hints: result.hints.map((hint) => hint.toString()),
  };
}

function readSubgraphSdl(subgraph: SubgraphSource, problems: CompositionProblem[]): DocumentNode | undefined {
  try {
    return parse(readFileSync(subgraph.schemaFile, 'utf8'));
  } catch (error) {
    const isSyntax = error instanceof GraphQLError;
    problems.push({
      subgraphs: [subgraph.name],
      code: isSyntax ? 'GRAPHQL_PARSE_FAILED' : 'SCHEMA_FILE_UNREADABLE',
      message: `${subgraph.schemaFile}: ${(error as Error).message}`,
      hint: isSyntax
        ? 'Fix the SDL syntax at the location shown.'
        : 'Check the schema.file path in the supergraph YAML.',
    });
    return undefined;
  }
}

function toProblem(error: GraphQLError, subgraphNames: readonly string[]): CompositionProblem {
  const definition = errorCodeDef(error);
  const fromNodes = (error.nodes ?? []).flatMap((node) => {
    const subgraph = (node as { subgraph?: unknown }).subgraph;
    return typeof subgraph === 'string' ? [subgraph] : [];
  });
  // Messages name subgraphs as [name] or "name"; only known names count, not quoted types or fields.
  const fromMessage = [...error.message.matchAll(/\[([a-z][a-z0-9-]*)\]|"([a-z][a-z0-9-]*)"/g)]
    .map((match) => match[1] ?? match[2] ?? '')
    .filter((name) => subgraphNames.includes(name));
  const code = error.extensions['code'];
  return {
    subgraphs: [...new Set([...fromNodes, ...fromMessage])],
    code: definition?.code ?? (typeof code === 'string' ? code : 'COMPOSITION_ERROR'),
    message: error.message,
    hint: definition?.description ?? 'See the Federation composition error reference for this code.',
  };
}

/** Renders problems for a terminal, one block each: subgraph, code, message, hint. */
export function formatCompositionProblems(file: string, problems: readonly CompositionProblem[]): string {
  const blocks = problems.map(
    (problem) =>
      `  ✗ [${problem.subgraphs.join(', ') || 'supergraph'}] ${problem.code}\n` +
      `    ${problem.message}\n    hint: ${problem.hint}`,
  );
  return `Composition of ${file} failed with ${problems.length} error(s):\n${blocks.join('\n')}`;
}
