export { readConfig, type BffConfig, type BffConfigDefaults } from './config/readConfig.js';
export { ConfigError } from './errors/ConfigError.js';
export {
  BffError,
  BffErrorCode,
  BadRequestError,
  DownstreamServiceError,
  UnauthenticatedError,
  downstreamServiceMessage,
} from './errors/BffError.js';
export { createBffServer, type BffServer, type BffServerParts, type BffKit } from './server/createBffServer.js';
export type { BffContext } from './core/BffContext.js';
export type { LocalSubgraph } from './gateway/createGateway.js';
export {
  readSupergraph,
  inProcessScheme,
  type Supergraph,
  type SupergraphSubgraph,
} from './supergraph/readSupergraph.js';
export { createHttpFetcher, type HttpFetcher, type HttpFetcherOptions } from './http/createHttpFetcher.js';
export { serveUntilSignal } from './server/serveUntilSignal.js';
export { forkIfConfigured, startServing } from './server/forkWorkers.js';
export { anonymousViewer, type Viewer, type UserViewer, type AnonymousViewer } from './core/Viewer.js';
export {
  jwtAlgorithms,
  type AuthConfig,
  type AuthConfigDefaults,
  type JwtAlgorithm,
  type VerificationKeySource,
} from './auth/readAuthConfig.js';
export { downstreamHeaders, identityHeaders } from './auth/downstreamHeaders.js';
export {
  allIdentity,
  identityScopeOf,
  noIdentity,
  type IdentityPart,
  type IdentityScope,
} from './downstream/identityScope.js';
export { viewerClaims, type ViewerClaimsOptions } from './auth/claimsToViewer.js';
export { signDevelopmentToken, type DevelopmentTokenOptions } from './auth/signDevelopmentToken.js';
export { allow, and, chain, deny, inputRule, not, or, race, rule } from 'graphql-shield';
export {
  createRuleBook,
  hasRole,
  hasScope,
  isAuthenticated,
  isClient,
  isOwner,
  isOwnerOfArgument,
  type AuthorizationOptions,
  type RuleMap,
  type ShieldRule,
} from './authorization/index.js';
export { ForbiddenError } from './errors/ForbiddenError.js';
export {
  createDownstream,
  type Downstream,
  type DeadlineCarrier,
  type BreakerState,
} from './downstream/createDownstream.js';
export { DownstreamFailure } from './downstream/DownstreamFailure.js';
export { fetchJson, type JsonResponse } from './downstream/fetchJson.js';
export { DownstreamTimeoutError, DownstreamUnavailableError } from './errors/downstreamErrors.js';
export type { DownstreamConfig } from './downstream/readDownstreamConfig.js';
export type { PassthroughRoute } from './passthrough/PassthroughRoute.js';
export { OperationTooComplexError, RateLimitedError, OverloadedError } from './errors/BffError.js';
export {
  priorityClasses,
  type PriorityClass,
  type ProtectionConfig,
  type ProtectionConfigDefaults,
  type OperationLimits,
  type RateLimitConfig,
  type AdmissionConfig,
} from './config/readProtectionConfig.js';
export type { ProtectionStats } from './protection/ProtectionStats.js';
export type { AdmissionStats, AdmissionClassStats } from './protection/admission/createAdmissionController.js';
export {
  buildPersistedQueryManifest,
  printPersistedQueryManifest,
  readPersistedQueryManifest,
  sha256Hex,
  type PersistedQueryManifest,
  type PersistedQueryManifestOperation,
} from './persisted/persistedQueryManifest.js';
export { OperationNotTrustedError, PersistedQueryNotFoundError } from './persisted/errors.js';
export {
  trustedDocumentsModes,
  type PersistedConfig,
  type TrustedDocumentsMode,
} from './persisted/readPersistedConfig.js';
export { shareInFlight } from './downstream/shareInFlight.js';
/** Which plans the kit's executor runs itself (the conformance suite reports which executor ran). */
export { isPlanSupported, selectsIntrospection } from './fastPath/index.js';
export { registerTracing, type TracingOptions } from './observability/tracing/registerTracing.js';
export {
  createEventBus,
  defaultEventStreamBufferSize,
  type EventBus,
  type EventBusOptions,
  type EventListener,
  type EventStream,
  type EventStreamOptions,
  type EventSubscription,
} from './events/index.js';
