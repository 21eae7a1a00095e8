export { listenOnFreePort, type RunningServer } from './listen.js';
export {
  startServices,
  serviceNames,
  type RunningServices,
  type ServiceBehaviour,
  type ServiceName,
} from './startServices.js';
export {
  startTestBff,
  postGraphQL,
  routedTo,
  type ClientName,
  type GraphQLHttpResponse,
  type TestBff,
  type TestBffParts,
} from './startTestBff.js';
export { startTestStack, type TestStack } from './startTestStack.js';
export { startRedisServer, type RunningRedis } from './startRedisServer.js';
export { signTestToken, type TestTokenOptions } from './signTestToken.js';
export { viewerHeaders, type ViewerName } from './viewers.js';
export { childProcessesOf } from './childProcessesOf.js';
export { postToApolloServer } from './postToApolloServer.js';
export { forbiddenError } from './forbiddenError.js';
export {
  createApolloTestClient,
  observeQuery,
  type ApolloTestClientOptions,
  type ObservedQuery,
} from './apolloClient.js';
export {
  postIncremental,
  mergeParts,
  incrementalAccept,
  type IncrementalResponse,
  type ReceivedPart,
} from './postIncremental.js';
export {
  startSubscriptionSubgraph,
  ticksForbiddenMessage,
  ticksTypeDefs,
  type SubscriptionSubgraph,
  type SubscriptionSubgraphState,
} from './startSubscriptionSubgraph.js';
export { subscribeMultipart, multipartSubscriptionAccept, type MultipartSubscription } from './subscribeMultipart.js';
export { readMultipartParts, boundaryOf } from './readMultipartParts.js';
