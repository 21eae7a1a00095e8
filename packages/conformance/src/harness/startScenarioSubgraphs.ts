import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { createSubgraphApp } from '@bff/service-kit/subgraph';
import { listenOnFreePort, type RunningServer } from '@bff/testing';
import { parse } from 'graphql';
import type { Scenario } from './Scenario.js';

/** A scenario's subgraphs, listening, and the supergraph composed over them. */
export interface RunningSubgraphs {
  /** The composed supergraph file, routed to the running subgraphs. */
  readonly supergraphFile: string;
  readonly supergraphSdl: string;
  close(): Promise<void>;
}

/** Composes a scenario's subgraphs as they are routed; throws with every composition error. */
export function composeScenario(scenario: Scenario, urlOf: (name: string) => string): string {
  const result = composeServices(
    scenario.subgraphs.map((subgraph) => ({
      name: subgraph.name,
      url: urlOf(subgraph.name),
      typeDefs: parse(subgraph.typeDefs),
    })),
  );
  if (result.errors)
    throw new Error(
      `scenario ${scenario.name} does not compose:\n${result.errors.map((error) => error.message).join('\n')}`,
    );
  return result.supergraphSdl;
}

/**
 * Starts each subgraph of `scenario` on a free port of 127.0.0.1 and writes the supergraph over
 * them to a temporary file.
 */
export async function startScenarioSubgraphs(scenario: Scenario): Promise<RunningSubgraphs> {
  const running = new Map<string, RunningServer>();
  const dir = mkdtempSync(join(tmpdir(), `conformance-${scenario.name}-`));
  const close = async () => {
    await Promise.all([...running.values()].map((server) => server.close()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const subgraph of scenario.subgraphs) {
      const app = await createSubgraphApp({ typeDefs: parse(subgraph.typeDefs), resolvers: subgraph.resolvers });
      running.set(subgraph.name, await listenOnFreePort(app));
    }
    const supergraphSdl = composeScenario(scenario, (name) => {
      const subgraph = running.get(name);
      if (!subgraph) throw new Error(`scenario ${scenario.name} has no subgraph named ${name}`);
      return `${subgraph.url}/graphql`;
    });
    const supergraphFile = join(dir, 'supergraph.graphql');
    writeFileSync(supergraphFile, supergraphSdl);
    return { supergraphFile, supergraphSdl, close };
  } catch (error) {
    await close();
    throw error;
  }
}
