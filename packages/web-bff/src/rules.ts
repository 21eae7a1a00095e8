import {
  allow,
  and,
  hasRole,
  isAuthenticated,
  isOwner,
  isOwnerOfArgument,
  or,
  type AuthorizationOptions,
} from '@bff/gateway';

const isStaff = hasRole('staff');
const isCustomer = hasRole('customer');
const isThatUser = isOwner('User', 'id');
const isTheBuyer = isOwner('Order', 'buyer.id');

/**
 * Who may read and do what through the web BFF. Every field of the API has a rule; anything
 * added to the supergraph later is denied until it gets one here (fallback: deny).
 * The web app serves staff too: they read internal product fields and any customer's email
 * and orders; customers read their own.
 */
export const webAuthorization: AuthorizationOptions = {
  rules: {
    Query: { '*': allow, order: isAuthenticated },
    Mutation: {
      createOrder: and(isAuthenticated, or(isStaff, and(isCustomer, isOwnerOfArgument('input.buyerId')))),
    },
    Product: { '*': allow, cost: isStaff, supplier: isStaff },
    User: { '*': allow, email: or(isThatUser, isStaff), orders: or(isThatUser, isStaff) },
    // Signed in here; whether the viewer is the order's buyer (or staff) the orders connector decides at subscribe
    // time, as it needs the order, which no rule can fetch (connectors/src/orders/subscribeToOrderStatus.ts).
    Subscription: { orderStatusChanged: isAuthenticated },
    Order: or(isTheBuyer, isStaff),
    OrderStatusChange: allow,
    OrderLine: allow,
    Review: allow,
    ProductPage: allow,
    ProductConnection: allow,
    ProductEdge: allow,
    ProductPageInfo: allow,
    ShippingEstimate: allow,
  },
};
