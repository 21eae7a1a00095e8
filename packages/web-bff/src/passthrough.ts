import { allow, hasRole, isOwnerOfArgument, or, type PassthroughRoute } from '@bff/gateway';

/**
 * REST routes the web app calls directly, forwarded to their services with the same
 * authentication, rules, timeouts and breakers as GraphQL.
 */
export const webPassthroughRoutes: readonly PassthroughRoute[] = [
  {
    methods: ['GET'],
    path: '/api/users/:id/orders',
    service: 'orders',
    target: '/users/:id/orders',
    rule: or(hasRole('staff'), isOwnerOfArgument('params.id')),
  },
  { methods: ['GET'], path: '/api/inventory/:upc', service: 'inventory', target: '/inventory/:upc', rule: allow },
];
