import type { ApolloGateway } from '@apollo/gateway';

/** The part of @apollo/gateway's private plan store that a lookup goes through. */
interface PlanStore {
  get(key: string): Promise<unknown>;
}

/**
 * Reports every lookup of the gateway's query plan cache as a hit or a miss. @apollo/gateway
 * (pinned at 2.14.4) keeps the store in a private `queryPlanStore` field and offers no hook, so
 * its `get` is wrapped in place; if a later version renames the field, nothing is counted and
 * nothing breaks.
 */
export function countQueryPlanLookups(gateway: ApolloGateway, record: (hit: boolean) => void): void {
  const store = (gateway as unknown as { queryPlanStore?: PlanStore }).queryPlanStore;
  if (!store || typeof store.get !== 'function') return;
  const get = store.get.bind(store);
  store.get = async (key) => {
    const plan = await get(key);
    record(plan !== undefined);
    return plan;
  };
}
