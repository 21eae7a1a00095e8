import { Supergraph } from '@apollo/federation-internals';
import { postGraphQL } from '@bff/testing';
import type { GraphQLSchema } from 'graphql';
import { answersAgree, comparedAnswer, type ComparedAnswer } from './compareResponses.js';
import type { Scenario, ScenarioOperation } from './Scenario.js';
import { startKitVariants, type KitVariant } from './startKitVariants.js';
import { startScenarioSubgraphs } from './startScenarioSubgraphs.js';
import { startStockGateway } from './startStockGateway.js';
import { readSupergraph } from '@bff/gateway';
import { walkEveryObject } from './walkEveryObject.js';

/** A request both gateways are sent. */
export type ConformanceRequest = Omit<ScenarioOperation, 'name'>;

/** One kit variant's answer that differs from stock's, both as compared. */
export interface Difference {
  readonly variant: string;
  readonly request: ConformanceRequest;
  readonly stock: ComparedAnswer;
  readonly kit: ComparedAnswer;
}

/** A scenario served by stock and by every kit variant. */
export interface ConformanceRun extends AsyncDisposable {
  /** The API schema clients see (what generated operations are written against). */
  readonly apiSchema: GraphQLSchema;
  /** Sends `request` to stock, then to each kit variant; the variants that answered differently. */
  compare(request: ConformanceRequest): Promise<Difference[]>;
  close(): Promise<void>;
}

/** Sends one request to a GraphQL endpoint as a client would (POST, JSON). */
export async function send(url: string, request: ConformanceRequest): Promise<{ status: number; body: unknown }> {
  const { status, body } = await postGraphQL(url, { query: request.query, ...(request.variables && { variables: request.variables }), ...(request.operationName !== undefined && { operationName: request.operationName }) });
  return { status, body };
}

/**
 * Starts a scenario's subgraphs, stock Apollo Server + @apollo/gateway over them (the oracle) and
 * the kit's variants (startKitVariants). Each request goes to stock first, then to each variant in
 * turn, so a scenario whose subgraphs keep state sees the same sequence of calls per gateway.
 */
export async function startScenario(scenario: Scenario): Promise<ConformanceRun> {
  const subgraphs = await startScenarioSubgraphs(scenario);
  let stock: Awaited<ReturnType<typeof startStockGateway>> | undefined;
  let variants: KitVariant[] = [];
  const close = async () => {
    await Promise.all(variants.map((variant) => variant.server.stop()));
    await stock?.stop();
    await subgraphs.close();
  };
  try {
    const apiSchema = Supergraph.build(subgraphs.supergraphSdl).apiSchema().toGraphQLJSSchema();
    stock = await startStockGateway({ supergraph: readSupergraph(subgraphs.supergraphFile) });
    variants = await startKitVariants({ supergraphFile: subgraphs.supergraphFile, allowAllRules: { rules: walkEveryObject(apiSchema) } });
    const stockUrl = stock.url;
    const compare = async (request: ConformanceRequest): Promise<Difference[]> => {
      const stockAnswer = comparedAnswer(await send(stockUrl, request), 'stock');
      const differences: Difference[] = [];
      for (const variant of variants) {
        const kitAnswer = comparedAnswer(await send(variant.url, request), 'kit');
        if (!answersAgree(stockAnswer, kitAnswer)) differences.push({ variant: variant.name, request, stock: stockAnswer, kit: kitAnswer });
      }
      return differences;
    };
    return { apiSchema, compare, close, [Symbol.asyncDispose]: close };
  } catch (error) {
    await close();
    throw error;
  }
}
