import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import type { FastifyInstance } from 'fastify';
import type { ValidationRule } from 'graphql';
import type { BffContext } from '../core/BffContext.js';
import { runOperationStages } from './operationStages.js';
import { withLaterResults } from './laterResults.js';
import type { Stage, StageApolloOptions } from './Stage.js';

/** What a list of stages adds to Apollo Server. */
export interface InstalledStages {
  /** Spread into the ApolloServer options. */
  readonly apolloOptions: Omit<StageApolloOptions, 'validationRules'> & { readonly validationRules: ValidationRule[] };
  /** The stages' plugins, in path order (the operation stages as one plugin, where the first of them stands). */
  readonly plugins: readonly ApolloServerPlugin<BffContext>[];
  /**
   * The gateway Apollo Server runs: the executing stage's, wrapped by every other gateway stage, its later parts
   * (@defer) handed over as Apollo Server's incremental results.
   */
  readonly gateway: GatewayInterface;
}

/**
 * Installs `stages`, in order, on the fastify instance (their HTTP hooks) and returns what goes
 * into Apollo Server. Throws when two stages set the same Apollo option or none executes the plan.
 */
export function installStages(
  http: FastifyInstance,
  stages: readonly Stage[],
  options: { readonly defaultListSize: number },
): InstalledStages {
  for (const stage of stages) stage.http?.(http);

  const apolloOptions: Record<string, unknown> = { validationRules: [] };
  for (const stage of stages) {
    for (const [name, value] of Object.entries(stage.apollo ?? {})) {
      if (name === 'validationRules') {
        apolloOptions[name] = [...(apolloOptions[name] as []), ...(value as [])];
        continue;
      }
      if (name in apolloOptions)
        throw new Error(`Two stages set Apollo Server's ${name}; stage ${stage.name} is the second.`);
      apolloOptions[name] = value;
    }
  }

  const operationStages = stages.flatMap((stage) => (stage.operation ? [stage.operation] : []));
  const runner = runOperationStages(operationStages, options);
  const firstOperationStage = stages.findIndex((stage) => stage.operation);
  const plugins = stages.flatMap((stage, index) => [
    ...(index === firstOperationStage ? [runner] : []),
    ...(stage.plugins ?? []),
  ]);

  const executing = stages.find((stage) => stage.execute);
  if (!executing?.execute) throw new Error('No stage of the request path executes the plan.');
  const gateway = withLaterResults(
    stages.reduceRight<GatewayInterface>(
      (inner, stage) => (stage.gateway ? stage.gateway(inner) : inner),
      executing.execute(),
    ),
  );
  return { apolloOptions: apolloOptions as unknown as InstalledStages['apolloOptions'], plugins, gateway };
}
