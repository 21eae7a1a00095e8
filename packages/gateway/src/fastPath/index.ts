/**
 * The fast path: what the kit does faster than stock @apollo/gateway, behind one boundary. Each
 * part has a stock counterpart the kit uses when the fast path is off (`<P>PLAN_EXECUTOR=apollo`):
 * - withPlanExecution, the kit's query plan executor (stock: @apollo/gateway's executor);
 * - InProcessSubgraphDataSource, in-process subgraphs compiled by graphql-jit (stock:
 *   LocalSubgraphDataSource, graphql-js over @apollo/gateway's LocalGraphQLDataSource);
 * - createLeanFetch, downstream calls on undici's dispatcher without WHATWG fetch's objects (stock:
 *   undici's fetch), and the pending writes it notes for the executor (createCallWrites);
 * - the patches to @apollo/server and @as-integrations/fastify (patches/README.md), which are
 *   always applied and change no behaviour.
 * The differential suite (packages/conformance) runs every fixture operation with it on and off
 * against stock Apollo Server + @apollo/gateway. Nothing outside this folder imports below this file.
 */
export { withPlanExecution, type PlanExecutionOptions } from './execution/withPlanExecution.js';
export { isPlanSupported, selectsIntrospection } from './execution/planSupport.js';
export { InProcessSubgraphDataSource } from './InProcessSubgraphDataSource.js';
export { createLeanFetch, type LeanFetch, type LeanResponse, type WithLeanFetch } from './http/createLeanFetch.js';
export { createCallWrites, type CallWrites } from './http/pendingCallWrites.js';
