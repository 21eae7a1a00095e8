import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '@apollo/utils.logger';
import type { FastifyInstance } from 'fastify';
import type { ValidationRule } from 'graphql';
import type { BffConfig } from '../config/readConfig.js';
import type { BffContext } from '../server/BffContext.js';
import { createPriorityClassifier } from './admission/classifyPriority.js';
import { createAdmissionController, type AdmissionStats } from './admission/createAdmissionController.js';
import { useEarlyAdmission } from './admission/useEarlyAdmission.js';
import { adaptInFlightLimit } from './admission/adaptInFlightLimit.js';
import { createRateLimiter, noRateLimitStats, type RateLimitStats } from './rateLimit/createRateLimiter.js';
import { useRateLimit } from './rateLimit/useRateLimit.js';
import { useDocumentLimits } from './limits/useDocumentLimits.js';
import { useBatchLimit } from './request/useBatchLimit.js';
import { useRequestChecks } from './request/useRequestChecks.js';
import { noIntrospection } from './schema/noIntrospection.js';
import { useSuggestionHiding } from './schema/useSuggestionHiding.js';
import { useOperationProtection } from './useOperationProtection.js';

/** Counters of a BFF's protection since it was built, for tests now and a /metrics endpoint later. */
export interface ProtectionStats {
  /** Per priority class: admitted, queued, queued time, shed, waiting; and operations in flight. */
  readonly admission: AdmissionStats;
  readonly rateLimit: RateLimitStats;
}

/** What the Apollo Server of a protected BFF is built with. */
export interface Protection {
  /** Spread into the ApolloServer options. Introspection is decided by our own validation rule. */
  readonly apolloOptions: {
    readonly introspection: true;
    readonly validationRules: ValidationRule[];
    readonly allowBatchedHttpRequests: boolean;
  };
  /** Added to the ApolloServer plugins. */
  readonly plugins: readonly ApolloServerPlugin<BffContext>[];
  stats(): ProtectionStats;
}

/**
 * Protects a BFF, each stage from its own config keys: request checks (Content-Type, UTF-8),
 * batch limit, rate limits (requests: HTTP hooks; cost units: in the operation plugin), operation
 * limits, introspection and suggestions, priority admission. The HTTP stages are preParsing and
 * preValidation hooks, so they run after every onRequest hook (request id, authentication)
 * wherever this is called. The Redis connection, if any, is awaited briefly when the server
 * gets ready and closed with it.
 */
export function useProtection(
  http: FastifyInstance,
  config: BffConfig,
  logger: Logger,
  graphqlPath = '/graphql',
): Protection {
  const { limits, rateLimit, admission } = config.protection;
  // Hooks of one kind run in the order they are added: rate limits first, so malformed requests count too.
  const rateLimiter = createRateLimiter(rateLimit, config.name, logger);
  if (rateLimiter) {
    useRateLimit(http, rateLimiter, {
      bffName: config.name,
      ...(rateLimit.unit === 'cost' && { skipPath: graphqlPath }),
    });
    http.addHook('onReady', () => rateLimiter.ready());
    http.addHook('onClose', async () => rateLimiter.close());
  }
  useRequestChecks(http, graphqlPath);
  useBatchLimit(http, graphqlPath, config.protection.maxBatchOperations);
  useDocumentLimits(http, graphqlPath, limits);
  const admissionController = createAdmissionController(admission);
  const classify = createPriorityClassifier(admission.priorities, admission.defaultClass);
  if (admission.maxInFlight > 0) useEarlyAdmission(http, graphqlPath, admissionController, classify, config.name);
  if (admission.maxInFlight > 0 && admission.adaptive) {
    const adaptive = adaptInFlightLimit(admissionController, admission.adaptive);
    http.addHook('onClose', async () => adaptive.stop());
  }
  const plugins: ApolloServerPlugin<BffContext>[] = [
    useOperationProtection({
      limits,
      ...(rateLimiter && rateLimit.unit === 'cost' && { costRateLimiter: rateLimiter }),
      admission: admissionController,
      classify,
    }),
  ];
  if (!config.protection.fieldSuggestions) plugins.push(useSuggestionHiding());
  return {
    apolloOptions: {
      introspection: true,
      validationRules: config.protection.introspection ? [] : [noIntrospection],
      allowBatchedHttpRequests: config.protection.maxBatchOperations > 0,
    },
    plugins,
    stats: () => ({ admission: admissionController.stats(), rateLimit: rateLimiter?.stats() ?? noRateLimitStats }),
  };
}
