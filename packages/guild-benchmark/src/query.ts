import { readFileSync } from 'node:fs';

/**
 * The benchmark's query, verbatim (indentation included) from the k6 script of
 * graphql-hive/graphql-gateways-benchmark: users and top products, each four levels deep into
 * reviews, products and authors, across all four subgraphs.
 */
export const guildBenchmarkQuery: string = readFileSync(new URL('../query.graphql', import.meta.url), 'utf8');

/** The operation name in {@link guildBenchmarkQuery}. */
export const guildBenchmarkOperationName = 'TestQuery';

/**
 * The query's expected `data` (expected-response.json, written by writeExpectedResponse.ts through
 * stock @apollo/gateway): what every gateway must answer.
 */
export const guildExpectedResponseFile = new URL('./expected-response.json', import.meta.url);
