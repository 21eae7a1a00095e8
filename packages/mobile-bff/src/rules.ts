import {
  allow,
  and,
  deny,
  hasRole,
  isAuthenticated,
  isClient,
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
 * Who may read and do what through the mobile BFF. The mobile app is for customers: it never
 * serves internal product fields or email addresses, to anyone, and it places orders only for
 * tokens issued to the mobile app itself. Fallback: deny.
 */
export const mobileAuthorization: AuthorizationOptions = {
  rules: {
    Query: { '*': allow, order: isAuthenticated },
    Mutation: {
      createOrder: and(
        isAuthenticated,
        isClient('mobile'),
        or(isStaff, and(isCustomer, isOwnerOfArgument('input.buyerId'))),
      ),
    },
    // Internal product fields are not even in the mobile API: supergraph/mobile.yaml excludes them.
    Product: allow,
    User: { '*': allow, email: deny, orders: or(isThatUser, isStaff) },
    // Signed in here; whether the viewer is the order's buyer (or staff) the orders connector decides at subscribe
    // time, as it needs the order, which no rule can fetch (connectors/src/orders/subscribeToOrderStatus.ts).
    Subscription: { orderStatusChanged: isAuthenticated },
    Order: or(isTheBuyer, isStaff),
    OrderStatusChange: allow,
    OrderLine: allow,
    Review: allow,
    Feed: allow,
    FeedEdge: allow,
    FeedPageInfo: allow,
    ProductConnection: allow,
    ProductEdge: allow,
    ProductPageInfo: allow,
    ShippingEstimate: allow,
  },
};
