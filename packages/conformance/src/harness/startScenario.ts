import { Supergraph } from '@apollo/federation-internals';
import { readSupergraph } from '@bff/gateway';
import { conformanceRun, type ConformanceRun, type Endpoint } from './conformanceRun.js';
import type { Scenario } from './Scenario.js';
import { startKitVariants, type KitVariant } from './startKitVariants.js';
import { startScenarioSubgraphs } from './startScenarioSubgraphs.js';
import { startStockGateway } from './startStockGateway.js';
import { walkEveryObject } from './walkEveryObject.js';

/**
 * Starts a scenario's subgraphs, stock Apollo Server + @apollo/gateway over them (the oracle) and
 * the kit's variants (startKitVariants), each compared with stock.
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
    variants = await startKitVariants({
      supergraphFile: subgraphs.supergraphFile,
      allowAllRules: { rules: walkEveryObject(apiSchema) },
    });
    const oracle: Endpoint = { name: 'stock', url: stock.url, side: 'stock' };
    return conformanceRun(
      subgraphs.supergraphSdl,
      apiSchema,
      variants.map((variant) => ({ oracle, kit: { name: variant.name, url: variant.url, side: 'kit' } })),
      close,
    );
  } catch (error) {
    await close();
    throw error;
  }
}
