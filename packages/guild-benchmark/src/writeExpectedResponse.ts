// Regenerates expected-response.json, the fixture guildBenchmark.test.ts compares our gateway's
// answer with, along a path that shares nothing with it: a stock @apollo/gateway inside a stock
// @apollo/server, over the four subgraphs. Run: npx tsx packages/guild-benchmark/src/writeExpectedResponse.ts
import { writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { guildBenchmarkOperationName, guildBenchmarkQuery } from './query.js';
import type { GuildSubgraphName } from './resolvers.js';
import { startGuildSubgraphs } from './startGuildSubgraphs.js';

const supergraphSdl = readFileSync(new URL('../../../supergraph/guild-benchmark.graphql', import.meta.url), 'utf8');
const subgraphs = await startGuildSubgraphs();
try {
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => new RemoteGraphQLDataSource({ url: subgraphs.urls[name as GuildSubgraphName] }),
  });
  const server = new ApolloServer({ gateway });
  await server.start();
  try {
    const response = await server.executeOperation({
      query: guildBenchmarkQuery,
      operationName: guildBenchmarkOperationName,
    });
    if (response.body.kind !== 'single' || response.body.singleResult.errors) {
      throw new Error(`the stock gateway failed: ${JSON.stringify(response.body)}`);
    }
    writeFileSync(
      new URL('./expected-response.json', import.meta.url),
      `${JSON.stringify(response.body.singleResult.data, null, 2)}\n`,
    );
    const compactBytes = JSON.stringify({ data: response.body.singleResult.data }).length;
    console.log(`wrote expected-response.json (${compactBytes} bytes as compact JSON)`);
  } finally {
    await server.stop();
  }
} finally {
  await subgraphs.close();
}
