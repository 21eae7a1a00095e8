import type { BffConfig } from '../config/readConfig.js';
import { admit, type AdmitOptions } from './admit.js';
import { answerProbes, type AnswerProbesOptions } from './answerProbes.js';
import { authenticate } from './authenticate.js';
import { authorizeFields } from './authorizeFields.js';
import { authorizeRoot } from './authorizeRoot.js';
import { checkRequest } from './checkRequest.js';
import { executePlan, type ExecutePlanOptions } from './executePlan.js';
import { guardOperation } from './guardOperation.js';
import { limitCost } from './limitCost.js';
import { limitRate } from './limitRate.js';
import { maskErrors, type MaskErrorsOptions } from './maskErrors.js';
import { resolveDocument, type ResolveDocumentOptions } from './resolveDocument.js';
import { respond, type RespondOptions } from './respond.js';
import type { Stage } from './Stage.js';
import { tagRequest, type TagRequestOptions } from './tagRequest.js';
import type { RuleEnforcement } from '../authorization/createRuleEnforcement.js';
import type { RateLimiter } from '../protection/rateLimit/createRateLimiter.js';

/** The runtime parts the stages work with, built once per BFF by createBffServer. */
export interface RequestPathParts
  extends
    Omit<TagRequestOptions, 'bffName'>,
    AnswerProbesOptions,
    Pick<ResolveDocumentOptions, 'connectRedis'>,
    Pick<AdmitOptions, 'controller' | 'classify'>,
    Omit<ExecutePlanOptions, 'planExecutor'>,
    MaskErrorsOptions,
    RespondOptions {
  /** @default none: no rate limit */
  readonly rateLimiter?: RateLimiter | undefined;
  /** @default none: every field is served */
  readonly rules?: RuleEnforcement | undefined;
}

/** The stages of a GraphQL request that `config` turns on, in the order they run. */
export function requestPath(config: BffConfig, parts: RequestPathParts): readonly Stage[] {
  const { name: bffName, protection } = config;
  const { rateLimiter: limiter, rules } = parts;
  const countsCost = protection.rateLimit.unit === 'cost';
  return [
    tagRequest({ bffName, onCompleted: parts.onCompleted }),
    answerProbes(parts),
    authenticate(config.auth),
    limiter && limitRate({ limiter, bffName, ...(countsCost && { skipPath: '/graphql' }) }),
    checkRequest({ maxBatchOperations: protection.maxBatchOperations, limits: protection.limits }),
    resolveDocument({ bffName, persisted: config.persisted, connectRedis: parts.connectRedis }),
    guardOperation({
      limits: protection.limits,
      introspection: protection.introspection,
      fieldSuggestions: protection.fieldSuggestions,
    }),
    limiter && countsCost && limitCost({ limiter, bffName }),
    admit({ ...parts, bffName, early: protection.admission.maxInFlight > 0 }),
    rules && authorizeRoot({ rules }),
    executePlan({ ...parts, planExecutor: config.downstream.planExecutor }),
    rules && authorizeFields({ rules }),
    maskErrors(parts),
    respond(parts),
  ].filter((stage): stage is Stage => typeof stage === 'object');
}
