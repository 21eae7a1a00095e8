import { ApolloGateway } from '@apollo/gateway';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { enforceRules } from '../authorization/enforceRules.js';
import { allow } from 'graphql-shield';
import { readConfig } from '../config/readConfig.js';
import { createDownstream } from '../downstream/createDownstream.js';
import { createObservability } from '../observability/createObservability.js';
import { createProtection } from '../protection/createProtection.js';
import { createSharedRedis } from '../core/createRedisConnection.js';
import { createCallWrites } from '../fastPath/index.js';
import { createSubscriptionRegistry } from '../subscriptions/createSubscriptionRegistry.js';
import { installStages } from './installStages.js';
import { requestPath } from './requestPath.js';
import { mechanismsOf, type Stage } from './Stage.js';
import Fastify from 'fastify';

const supergraphFile = fileURLToPath(new URL('../../../../supergraph/web.graphql', import.meta.url));
const defaults = {
  name: 'web',
  port: 4000,
  supergraphFile,
  serviceUrls: {},
  auth: { issuer: 'bff-dev', audience: 'web-bff', developmentSecret: 'web-development-secret-of-32-chars-or-more' },
};
const logger = pino({ level: 'silent' });

/** The stages `env` turns on, each as `name: mechanisms`. */
function pathOf(env: Record<string, string>, withRules: boolean): string[] {
  return stagesOf(env, withRules).map((stage) => `${stage.name}: ${mechanismsOf(stage).join(' ')}`);
}

function stagesOf(env: Record<string, string>, withRules: boolean): readonly Stage[] {
  const config = readConfig(env, 'WEB_BFF_', defaults);
  const redis = createSharedRedis();
  const protection = createProtection(config.protection, 'web', logger, redis.connect);
  const observability = createObservability({
    bffName: 'web',
    downstream: createDownstream({ config: config.downstream, defaultTimeoutMs: 1000, logger }),
    services: [],
    protectionStats: () => protection.stats(),
    subscriptionStats: () => ({ active: 0, delivered: 0, dropped: 0 }),
  });
  const sdl = readFileSync(supergraphFile, 'utf8');
  return requestPath(config, {
    ...observability,
    ...protection,
    connectRedis: redis.connect,
    gateway: new ApolloGateway({ supergraphSdl: sdl }),
    proxied: new WeakMap(),
    callWrites: createCallWrites(),
    onPlanLookup: undefined,
    logger,
    responseCache: undefined,
    subscriptions: { registry: createSubscriptionRegistry(), maxPerViewer: 50, heartbeatMs: 5_000 },
    rules: withRules ? enforceRules(sdl, { rules: {}, fallbackRule: allow }, logger) : undefined,
  });
}

describe('requestPath', () => {
  it('lists every stage in the order a request meets them, with the mechanisms each binds to', () => {
    expect(
      pathOf({ WEB_BFF_RATE_LIMIT_UNIT: 'cost', WEB_BFF_APQ: 'on', WEB_BFF_ADMISSION_MAX_IN_FLIGHT: '8' }, true),
    ).toEqual([
      'tagRequest: http plugins',
      'answerProbes: http',
      'authenticate: http',
      'limitRate: http',
      'checkRequest: http apollo',
      'resolveDocument: http apollo gateway',
      'guardOperation: apollo operation',
      'limitCost: operation',
      'admit: http operation',
      'authorizeRoot: gateway',
      'executePlan: apollo execute',
      'authorizeFields: gateway',
      'maskErrors: apollo plugins gateway',
      'respond: http plugins',
    ]);
  });

  it('leaves out the stages the config turns off: rate limits, cost units, rules, early admission', () => {
    expect(
      pathOf(
        { WEB_BFF_RATE_LIMIT_PER_USER: '0', WEB_BFF_RATE_LIMIT_PER_CLIENT: '0', WEB_BFF_ADMISSION_MAX_IN_FLIGHT: '0' },
        false,
      ),
    ).toEqual([
      'tagRequest: http plugins',
      'answerProbes: http',
      'authenticate: http',
      'checkRequest: http apollo',
      'resolveDocument: http apollo gateway',
      'guardOperation: apollo operation',
      'admit: operation',
      'executePlan: apollo execute',
      'maskErrors: apollo plugins gateway',
      'respond: http plugins',
    ]);
  });

  it('hides suggestions in the guardOperation stage only when field suggestions are off', () => {
    const guard = (env: Record<string, string>) =>
      stagesOf(env, false).find((stage) => stage.name === 'guardOperation');
    expect(mechanismsOf(guard({ WEB_BFF_FIELD_SUGGESTIONS: 'off' })!)).toEqual(['apollo', 'operation', 'plugins']);
  });
});

describe('installStages', () => {
  it('refuses two stages that set the same Apollo Server option', () => {
    const stages: Stage[] = [
      { name: 'checkRequest', apollo: { allowBatchedHttpRequests: true } },
      { name: 'guardOperation', apollo: { allowBatchedHttpRequests: false } },
    ];
    expect(() => installStages(Fastify(), stages, { defaultListSize: 10 })).toThrow(
      "Two stages set Apollo Server's allowBatchedHttpRequests; stage guardOperation is the second.",
    );
  });

  it('refuses a path where no stage executes the plan', () => {
    expect(() => installStages(Fastify(), [{ name: 'respond', plugins: [] }], { defaultListSize: 10 })).toThrow(
      'No stage of the request path executes the plan.',
    );
  });
});
