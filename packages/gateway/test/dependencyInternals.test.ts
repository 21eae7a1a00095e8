import { composeServices } from '@apollo/composition';
import { operationFromDocument, Schema } from '@apollo/federation-internals';
import {
  ApolloGateway,
  LocalGraphQLDataSource,
  type Experimental_DidResolveQueryPlanCallback,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { QueryPlanner, type QueryPlan } from '@apollo/query-planner';
import { ApolloServer } from '@apollo/server';
import { postToApolloServer } from '@bff/testing';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLSchema, parse, type GraphQLFieldResolver } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The kit reads members of @apollo/gateway and @apollo/server that are not part of their public
// API (patches/README.md, "Internals we read"). Both are pinned exactly; these tests build the
// real objects and fail when a member the kit relies on moves or changes shape, so that an
// upgrade says where to look instead of silently counting nothing or planning with stale fields.

const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';
const products = {
  name: 'products',
  typeDefs: parse(
    `${link}\ntype Query { topProduct: Product }\ntype Product @key(fields: "id") { id: ID! name: String }\n`,
  ),
  resolvers: {
    Query: { topProduct: () => ({ id: 'p1', name: 'Lamp' }) },
    Product: { __resolveReference: ({ id }: { id: string }) => ({ id, name: 'Lamp' }) },
  },
};
const reviews = {
  name: 'reviews',
  typeDefs: parse(
    `${link}\ntype Product @key(fields: "id") { id: ID! reviews: [Review!]! }\ntype Review { body: String }\n`,
  ),
  resolvers: {
    Product: { reviews: (() => [{ body: 'Bright' }]) as GraphQLFieldResolver<unknown, unknown> },
  },
};
const productPage = /* GraphQL */ `query ProductPage { topProduct { name reviews { body } } }`;

/** The plan @apollo/gateway 2.14.4 makes for `productPage`. */
const productPagePlan = {
  kind: 'QueryPlan',
  node: {
    kind: 'Sequence',
    nodes: [
      expect.objectContaining({ kind: 'Fetch', serviceName: 'products' }),
      {
        kind: 'Flatten',
        path: ['topProduct'],
        node: expect.objectContaining({ kind: 'Fetch', serviceName: 'reviews' }),
      },
    ],
  },
};

/** The fields withPlanExecution.ts reads off an ApolloGateway (its `GatewayInternals`). */
interface GatewayInternals {
  readonly queryPlanner: unknown;
  readonly apiSchema: unknown;
  readonly schema: unknown;
  readonly supergraphSchema: unknown;
  readonly serviceMap: Record<string, { readonly dataSource: unknown }>;
  readonly recursiveSelectionsLimitDisabled: unknown;
  readonly nonLocalSelectionsLimitDisabled: unknown;
  /** Read by countQueryPlanLookups.ts, which wraps its `get`. */
  readonly queryPlanStore: { get: (key: string) => Promise<unknown>; set: unknown };
}

describe('@apollo/gateway and @apollo/server internals the kit reads', () => {
  const dataSources: Record<string, LocalGraphQLDataSource> = {};
  const kindsProcessed: string[] = [];
  const resolvedPlans: Parameters<Experimental_DidResolveQueryPlanCallback>[0][] = [];
  const schemasAnnounced: GraphQLSchema[] = [];
  let gateway: ApolloGateway;
  let internals: GatewayInternals;
  let server: ApolloServer;

  beforeAll(async () => {
    const composed = composeServices(
      [products, reviews].map(({ name, typeDefs }) => ({ name, url: `in-process://${name}`, typeDefs })),
    );
    if (composed.errors) throw new Error(`the fixture supergraph did not compose: ${composed.errors.join('; ')}`);
    gateway = new ApolloGateway({
      supergraphSdl: composed.supergraphSdl,
      experimental_didResolveQueryPlan: (resolved) => void resolvedPlans.push(resolved),
      buildService: ({ name }) => {
        const subgraph = [products, reviews].find((candidate) => candidate.name === name)!;
        const dataSource = new LocalGraphQLDataSource(buildSubgraphSchema([subgraph]));
        const process = dataSource.process.bind(dataSource);
        dataSource.process = (options: GraphQLDataSourceProcessOptions) => {
          kindsProcessed.push(options.kind);
          return process(options);
        };
        dataSources[name] = dataSource;
        return dataSource;
      },
    });
    gateway.onSchemaLoadOrUpdate(({ apiSchema }) => void schemasAnnounced.push(apiSchema));
    internals = gateway as unknown as GatewayInternals;
    server = new ApolloServer({ gateway });
    await server.start();
  });
  afterAll(() => server?.stop());

  const run = async (query: string) => {
    const response = await postToApolloServer(server, query);
    return response.body.kind === 'complete' ? (JSON.parse(response.body.string) as unknown) : response.body.kind;
  };

  describe('ApolloGateway private fields (withPlanExecution.ts)', () => {
    it('has a QueryPlanner in queryPlanner that plans from apiSchema with both selection-limit flags', () => {
      expect(internals.queryPlanner).toBeInstanceOf(QueryPlanner);
      expect(internals.apiSchema).toBeInstanceOf(Schema);
      expect(internals.recursiveSelectionsLimitDisabled).toBe(false);
      expect(internals.nonLocalSelectionsLimitDisabled).toBe(false);
      const operation = operationFromDocument(internals.apiSchema as Schema, parse(productPage), {
        operationName: 'ProductPage',
      });
      const plan: QueryPlan = (internals.queryPlanner as QueryPlanner).buildQueryPlan(operation, {
        recursiveSelectionsLimitDisabled: false,
        nonLocalSelectionsLimitDisabled: false,
      });
      expect(plan).toEqual(productPagePlan);
    });

    it('has the API schema as graphql-js in schema: the one it announces to onSchemaLoadOrUpdate', () => {
      expect(internals.schema).toBeInstanceOf(GraphQLSchema);
      const schema = internals.schema as GraphQLSchema;
      expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(['topProduct']);
      expect(schema.getType('join__Graph')).toBeUndefined();
      expect(schemasAnnounced.at(-1)).toBe(schema);
    });

    it('has the whole supergraph as graphql-js in supergraphSchema, with its join__ types', () => {
      expect(internals.supergraphSchema).toBeInstanceOf(GraphQLSchema);
      const supergraph = internals.supergraphSchema as GraphQLSchema;
      expect(supergraph.getType('join__Graph')).toBeDefined();
      expect(supergraph.getType('Product')).toBeDefined();
    });

    it('keeps, in serviceMap, each subgraph by name with the data source buildService made', () => {
      expect(Object.keys(internals.serviceMap).sort()).toEqual(['products', 'reviews']);
      for (const name of ['products', 'reviews'])
        expect(internals.serviceMap[name]!.dataSource).toBe(dataSources[name]);
    });
  });

  describe('what the stock executor does that the kit relies on', () => {
    it('looks every plan up through queryPlanStore.get: a miss, then a hit for the same operation (countQueryPlanLookups.ts)', async () => {
      expect(typeof internals.queryPlanStore.get).toBe('function');
      expect(typeof internals.queryPlanStore.set).toBe('function');
      const store = internals.queryPlanStore;
      const get = store.get.bind(store);
      const found: boolean[] = [];
      store.get = async (key) => {
        const plan = await get(key);
        found.push(plan !== undefined);
        return plan;
      };
      const query = /* GraphQL */ `query Lookup { topProduct { name } }`;
      expect(await run(query)).toEqual({ data: { topProduct: { name: 'Lamp' } } });
      expect(await run(query)).toEqual({ data: { topProduct: { name: 'Lamp' } } });
      expect(found).toEqual([false, true]);
    });

    it("calls each data source with kind 'incoming operation' for a request's fetches (executePlan.ts)", async () => {
      kindsProcessed.length = 0;
      expect(await run(productPage)).toEqual({
        data: { topProduct: { name: 'Lamp', reviews: [{ body: 'Bright' }] } },
      });
      expect(kindsProcessed).toEqual(['incoming operation', 'incoming operation']);
    });

    it('gives experimental_didResolveQueryPlan the plan, the request context and the API schema (proxiedOperations.ts)', async () => {
      resolvedPlans.length = 0;
      await run(productPage);
      expect(resolvedPlans).toHaveLength(1);
      const [{ queryPlan, requestContext, operationContext }] = resolvedPlans as [(typeof resolvedPlans)[number]];
      expect(queryPlan).toEqual(productPagePlan);
      expect(requestContext.document).toBeDefined();
      expect(requestContext.context).toBeTypeOf('object');
      expect(operationContext.schema).toBe(internals.schema);
    });
  });

  describe('ApolloServer internals (patches/@apollo+server+5.5.1.patch)', () => {
    it("keeps the gateway's executor in internals.gatewayExecutor, which the patched pipeline reads", () => {
      const serverInternals = (server as unknown as { internals: { gatewayExecutor: unknown } }).internals;
      expect(serverInternals.gatewayExecutor).toBeTypeOf('function');
    });

    it('has internals.gatewayExecutor null without a gateway, so a schema server still wires willResolveField', async () => {
      const hints: string[] = [];
      const plain = new ApolloServer({
        typeDefs: 'type Query { hello: String }',
        resolvers: { Query: { hello: () => 'world' } },
        plugins: [
          {
            requestDidStart: async () => ({
              executionDidStart: async () => ({ willResolveField: ({ info }) => void hints.push(info.fieldName) }),
            }),
          },
        ],
      });
      await plain.start();
      try {
        expect((plain as unknown as { internals: { gatewayExecutor: unknown } }).internals.gatewayExecutor).toBeNull();
        const response = await plain.executeOperation({ query: '{ hello }' });
        expect(response.body).toEqual({ kind: 'single', singleResult: { data: { hello: 'world' } } });
        expect(hints).toEqual(['hello']);
      } finally {
        await plain.stop();
      }
    });
  });
});
