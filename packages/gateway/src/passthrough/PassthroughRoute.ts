import type { ShieldRule } from '../authorization/ruleTypes.js';

/** A non-GraphQL route of a BFF forwarded to a REST service (downloads, webhooks). */
export interface PassthroughRoute {
  /** HTTP methods served; GET and HEAD calls are retried like queries, others never. */
  readonly methods: readonly ('GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE')[];
  /** The BFF's path, with fastify params: '/api/users/:id/orders'. */
  readonly path: string;
  /** The REST service, by its name in the BFF's service URLs. */
  readonly service: string;
  /** The service's path, with the same params filled in: '/users/:id/orders'. */
  readonly target: string;
  /**
   * Who may call it, as a graphql-shield rule. Its args are `{ params, query, method }`, so
   * `isOwnerOfArgument('params.id')` works as for GraphQL arguments.
   */
  readonly rule: ShieldRule;
}
