import { resolve } from 'node:path';
import { readAuthConfig, type AuthConfig, type AuthConfigDefaults } from '../auth/readAuthConfig.js';
import { readDownstreamConfig, type DownstreamConfig } from '../downstream/readDownstreamConfig.js';
import { readEntityCacheConfig, type EntityCacheConfig } from '../entityCache/readEntityCacheConfig.js';
import { ConfigError } from '../errors/ConfigError.js';
import { readExplorerConfig, type ExplorerConfig } from '../explorer/readExplorerConfig.js';
import { readObservabilityConfig, type ObservabilityConfig } from '../observability/readObservabilityConfig.js';
import { enumKey, portKey, positiveIntKey, readEnvKeys, stringKey, urlKey } from '../core/envKey.js';
import { trustedProxiesKey } from './trustedProxiesKey.js';
import { readProtectionConfig, type ProtectionConfig, type ProtectionConfigDefaults } from './readProtectionConfig.js';
import { readPerNameKeys } from './readPerNameKeys.js';
import { readPersistedConfig, type PersistedConfig } from '../persisted/readPersistedConfig.js';
import { readSubscriptionsConfig, type SubscriptionsConfig } from '../subscriptions/readSubscriptionsConfig.js';

/** The validated, read-only configuration of one BFF gateway. */
export interface BffConfig {
  /** The client this gateway serves, e.g. 'web'; shown in logs and headers. */
  readonly name: string;
  readonly server: {
    readonly host: string;
    /** 0 picks a free port. */
    readonly port: number;
    /** Largest request body accepted, in bytes. */
    readonly bodyLimitBytes: number;
    /** Processes serving the port (node:cluster); each keeps its own in-memory state. */
    readonly workers: number;
    /** Proxies whose X-Forwarded-For gives the client's address; none by default (a client could forge it). */
    readonly trustedProxies: readonly string[];
    /** Connections the kernel queues before the BFF accepts them (capped by net.core.somaxconn). */
    readonly listenBacklog: number;
  };
  /** Absolute path of the composed supergraph SDL. */
  readonly supergraphFile: string;
  readonly subgraphs: {
    /** Routing URLs that replace the supergraph's, by subgraph name. */
    readonly urlOverrides: Readonly<Record<string, string>>;
    /** Keep-alive connections per downstream origin. */
    readonly connectionsPerOrigin: number;
    /** Per-call timeout for downstream HTTP, in milliseconds. */
    readonly timeoutMs: number;
  };
  /** Base URLs of the REST services the BFF's in-process connectors call, by service name. */
  readonly serviceUrls: Readonly<Record<string, string>>;
  readonly environment: 'development' | 'production' | 'test';
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** How bearer tokens are verified (`<prefix>JWT_*`). */
  readonly auth: AuthConfig;
  /** Deadlines, retries, breakers and batching of downstream calls. */
  readonly downstream: DownstreamConfig;
  /** Cache whole anonymous responses of public data (`<prefix>RESPONSE_CACHE`), in Redis when REDIS_URL is set. */
  readonly responseCache: boolean;
  /**
   * Entity answers of subgraphs, cached as long as their Cache-Control allows (`<prefix>ENTITY_CACHE*`), in Redis
   * when REDIS_URL is set.
   */
  readonly entityCache: EntityCacheConfig;
  /**
   * Operation limits, rate limits and priority admission (`<prefix>MAX_*`, `<prefix>RATE_LIMIT_*`,
   * `<prefix>ADMISSION_*`, `<prefix>PRIORITY_*`, REDIS_URL).
   */
  readonly protection: ProtectionConfig;
  /** The schema explorer (`<prefix>EXPLORER`). */
  readonly explorer: ExplorerConfig;
  /** Automatic persisted queries and trusted documents (`<prefix>APQ*`, `<prefix>TRUSTED_DOCUMENTS*`). */
  readonly persisted: PersistedConfig;
  /**
   * Metrics, graceful shutdown, supergraph reload (`<prefix>METRICS`, `<prefix>SHUTDOWN_DELAY_MS`,
   * `<prefix>SHUTDOWN_GRACE_MS`, `<prefix>SUPERGRAPH_RELOAD`).
   */
  readonly observability: ObservabilityConfig;
  /** Subscriptions over GraphQL over WebSocket (`<prefix>SUBSCRIPTIONS_*`). */
  readonly subscriptions: SubscriptionsConfig;
}

/** What differs between BFFs before the environment has its say. */
export interface BffConfigDefaults {
  readonly name: string;
  readonly port: number;
  readonly supergraphFile: string;
  /** REST service base URLs, each overridable by `<prefix>SERVICE_<NAME>_URL`. @default {} */
  readonly serviceUrls?: Readonly<Record<string, string>>;
  /**
   * Issuer, audience and HMAC secret for development. Without them `<prefix>JWT_ISSUERS`,
   * `<prefix>JWT_AUDIENCE` and a key must be set. @default none
   */
  readonly auth?: AuthConfigDefaults;
  /** Priority classes of the BFF's own operations, e.g. `{ critical: ['createOrder'] }`. @default none */
  readonly protection?: ProtectionConfigDefaults;
  /**
   * The BFF's persisted query manifest (trusted documents), overridable by `<prefix>TRUSTED_DOCUMENTS_MANIFEST`.
   * @default none
   */
  readonly trustedDocumentsManifest?: string;
}

/**
 * Reads a BFF's configuration once at boot from `env`, every key under `prefix`
 * (e.g. `WEB_BFF_PORT`), and throws one ConfigError naming every bad key.
 * NODE_ENV and LOG_LEVEL are read without prefix, as every Node tool does.
 */
export function readConfig(env: NodeJS.ProcessEnv, prefix: string, defaults: BffConfigDefaults): BffConfig {
  const problems: string[] = [];
  const keys = readEnvKeys(
    env,
    prefix,
    {
      HOST: stringKey('127.0.0.1'),
      PORT: portKey(defaults.port),
      SUPERGRAPH: stringKey(defaults.supergraphFile),
      BODY_LIMIT_BYTES: positiveIntKey(1_048_576, 100 * 1_048_576),
      WORKERS: positiveIntKey(1, 64),
      TRUST_PROXY: trustedProxiesKey,
      LISTEN_BACKLOG: positiveIntKey(511, 65_535),
      CONNECTIONS_PER_ORIGIN: positiveIntKey(64, 10_000),
      SUBGRAPH_TIMEOUT_MS: positiveIntKey(5_000, 600_000),
      RESPONSE_CACHE: enumKey(['on', 'off'], 'on'),
    },
    problems,
  );
  const common = readEnvKeys(
    env,
    '',
    {
      NODE_ENV: enumKey(['development', 'production', 'test'], 'development'),
      LOG_LEVEL: enumKey(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    },
    problems,
  );
  const urlOverrides = readPerNameKeys(env, prefix, 'SUBGRAPH_', '_URL', urlKey(''), problems);
  const serviceUrls = {
    ...defaults.serviceUrls,
    ...readPerNameKeys(env, prefix, 'SERVICE_', '_URL', urlKey(''), problems),
  };
  // readEnvKeys leaves an invalid NODE_ENV undefined (its type does not say so), and it is already a problem:
  // judging the rest as development adds no second line for it.
  const environment = (common.NODE_ENV as BffConfig['environment'] | undefined) ?? 'development';
  const auth = readAuthConfig(env, prefix, defaults.auth, environment, problems);
  const downstream = readDownstreamConfig(env, prefix, problems);
  const protection = readProtectionConfig(env, prefix, defaults.protection, environment, problems);
  const explorer = readExplorerConfig(env, prefix, environment, problems);
  const observability = readObservabilityConfig(env, prefix, environment, problems);
  const persisted = readPersistedConfig(
    env,
    prefix,
    defaults.trustedDocumentsManifest,
    environment,
    protection.rateLimit.redisUrl,
    problems,
  );
  const entityCache = readEntityCacheConfig(env, prefix, protection.rateLimit.redisUrl, problems);
  const subscriptions = readSubscriptionsConfig(env, prefix, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    name: defaults.name,
    server: Object.freeze({
      host: keys.HOST,
      port: keys.PORT,
      bodyLimitBytes: keys.BODY_LIMIT_BYTES,
      workers: keys.WORKERS,
      trustedProxies: keys.TRUST_PROXY,
      listenBacklog: keys.LISTEN_BACKLOG,
    }),
    supergraphFile: resolve(keys.SUPERGRAPH),
    subgraphs: Object.freeze({
      urlOverrides: Object.freeze(urlOverrides),
      connectionsPerOrigin: keys.CONNECTIONS_PER_ORIGIN,
      timeoutMs: keys.SUBGRAPH_TIMEOUT_MS,
    }),
    serviceUrls: Object.freeze(serviceUrls),
    environment: common.NODE_ENV,
    logLevel: common.LOG_LEVEL,
    auth,
    downstream,
    responseCache: keys.RESPONSE_CACHE === 'on',
    entityCache,
    protection,
    explorer,
    persisted,
    observability,
    subscriptions,
  });
}
