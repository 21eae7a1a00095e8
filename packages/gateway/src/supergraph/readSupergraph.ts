import { readFileSync } from 'node:fs';
import { Kind, parse, type ConstValueNode, type DocumentNode } from 'graphql';
import { ConfigError } from '../errors/ConfigError.js';

/** URL scheme of a subgraph that the BFF runs in its own process (a connector or client subgraph). */
export const inProcessScheme = 'inprocess:';

/** One subgraph as the supergraph names it, with the URL the BFF will use. */
export interface SupergraphSubgraph {
  readonly name: string;
  readonly url: string;
  readonly inProcess: boolean;
}

/** A supergraph read at boot: its SDL and its subgraphs. */
export interface Supergraph {
  readonly sdl: string;
  readonly subgraphs: readonly SupergraphSubgraph[];
}

/**
 * Reads a composed supergraph file and lists its subgraphs from the `join__Graph` enum,
 * applying routing-URL overrides. Throws ConfigError for an unreadable file, an SDL that
 * is not a supergraph, or an override naming no subgraph.
 */
export function readSupergraph(file: string, urlOverrides: Readonly<Record<string, string>> = {}): Supergraph {
  let sdl: string;
  let document: DocumentNode;
  try {
    sdl = readFileSync(file, 'utf8');
    document = parse(sdl);
  } catch (error) {
    const reason = (error as Error).message;
    throw new ConfigError([`supergraph file ${file} must be a readable GraphQL SDL file, but: ${reason}`]);
  }
  const subgraphs = listJoinGraphs(document).map(({ name, url }) => {
    const effectiveUrl = urlOverrides[name] ?? url;
    return { name, url: effectiveUrl, inProcess: effectiveUrl.startsWith(inProcessScheme) };
  });
  if (subgraphs.length === 0) {
    throw new ConfigError([`supergraph file ${file} must be a composed supergraph (no join__Graph enum found)`]);
  }
  const known = new Set(subgraphs.map((subgraph) => subgraph.name));
  const unknown = Object.keys(urlOverrides).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new ConfigError(
      unknown.map(
        (name) =>
          `URL override for subgraph '${name}' names no subgraph of ${file}; ` +
          `its subgraphs are: ${[...known].join(', ')}`,
      ),
    );
  }
  return { sdl, subgraphs };
}

function listJoinGraphs(document: DocumentNode): { name: string; url: string }[] {
  const joinGraph = document.definitions.find(
    (definition) => definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph',
  );
  if (joinGraph?.kind !== Kind.ENUM_TYPE_DEFINITION) return [];
  return (joinGraph.values ?? []).flatMap((value) => {
    const directive = value.directives?.find((candidate) => candidate.name.value === 'join__graph');
    const name = stringArgument(directive?.arguments?.find((argument) => argument.name.value === 'name')?.value);
    const url = stringArgument(directive?.arguments?.find((argument) => argument.name.value === 'url')?.value);
    return name !== undefined && url !== undefined ? [{ name, url }] : [];
  });
}

function stringArgument(value: ConstValueNode | undefined): string | undefined {
  return value?.kind === Kind.STRING ? value.value : undefined;
}
