import { z } from 'zod';
import { enumKey, intKey, listKey, optionalKey, readEnvKeys, type EnvKey } from '../core/envKey.js';

import { priorityClasses, type PriorityClass } from '../core/AdmissionTicket.js';

export { priorityClasses, type PriorityClass };

/** What an operation may measure at most; each limit rejects with OPERATION_TOO_COMPLEX (400). */
export interface OperationLimits {
  /** Nested field levels (introspection fields excepted). */
  readonly maxDepth: number;
  /** Aliased fields in the document. */
  readonly maxAliases: number;
  /** Distinct root fields of the operation. */
  readonly maxRootFields: number;
  /** Directives in the document. */
  readonly maxDirectives: number;
  /** Lexical tokens of the document, counted before it is parsed. */
  readonly maxTokens: number;
  /** UTF-8 bytes of the document, measured before it is parsed. */
  readonly maxDocumentBytes: number;
  /** Estimated cost: a field costs 1, and a list multiplies what it selects by its size. */
  readonly maxCost: number;
  /** Size assumed for a list field without a `first`, `last` or `limit` argument. */
  readonly defaultListSize: number;
}

/** Per-client-app and per-user (anonymous: per-IP) rate limits, in one fixed window. */
export interface RateLimitConfig {
  /** Units per window per user, or per IP address for anonymous requests; 0 turns it off. */
  readonly perUser: number;
  /** Units per window per client app (the token's `azp`, else the BFF's name); 0 turns it off. */
  readonly perClient: number;
  readonly windowSeconds: number;
  /** What a unit is: one request, or the operation's estimated cost. */
  readonly unit: 'request' | 'cost';
  /** Counters live in this Redis (shared by replicas) when set; in memory otherwise. Secret: it may hold a password. */
  readonly redisUrl: string | undefined;
  /** When Redis cannot be reached: let requests through uncounted (open) or refuse them with 503 (closed). */
  readonly onStoreError: 'open' | 'closed';
}

/** Which operations are how important: entries are operation names, or `client:<client app>`. */
export type PriorityRules = Readonly<Record<PriorityClass, readonly string[]>>;

/** Priority admission: a limit on operations in flight and a queue ordered by class, then arrival. */
export interface AdmissionConfig {
  /** Operations executing at once; 0 turns admission control off. */
  readonly maxInFlight: number;
  /** Operations waiting for a slot, all classes together. */
  readonly maxQueue: number;
  /** Slots above the in-flight limit only critical operations may take. */
  readonly criticalReserve: number;
  /**
   * Lower the in-flight limit (never above maxInFlight) while the event loop is busier than this share.
   * @default fixed limit
   */
  readonly adaptive: { readonly targetUtilization: number } | undefined;
  /** Longest wait in the queue per class, in milliseconds; 0: never waits. */
  readonly maxWaitMs: Readonly<Record<PriorityClass, number>>;
  /** Operation names (matched case-insensitively) and `client:<name>` entries per class; names win over clients. */
  readonly priorities: PriorityRules;
  /** The class of an operation no entry names. */
  readonly defaultClass: PriorityClass;
}

/** How a BFF protects itself: limits, schema details, rate limits, admission (`<prefix>` keys, and REDIS_URL). */
export interface ProtectionConfig {
  readonly limits: OperationLimits;
  /** Operations per batched request (a JSON array); 0 turns batching off. */
  readonly maxBatchOperations: number;
  /** Whether `__schema` and `__type` may be queried. */
  readonly introspection: boolean;
  /** Whether error messages may suggest names ("Did you mean …?"). */
  readonly fieldSuggestions: boolean;
  readonly rateLimit: RateLimitConfig;
  readonly admission: AdmissionConfig;
}

/** A BFF's own defaults for protection, before the environment has its say. */
export interface ProtectionConfigDefaults {
  /**
   * Operation names (or `client:<name>`) per class; `<prefix>PRIORITY_<CLASS>` replaces one class's list.
   * @default none
   */
  readonly priorities?: Partial<PriorityRules>;
}

const onOff = (defaultValue: 'on' | 'off') => enumKey(['on', 'off'], defaultValue);

const redisUrlKey: EnvKey<string | undefined> = {
  schema: z.url({ protocol: /^rediss?$/ }),
  mustBe: 'be a redis:// or rediss:// URL',
  defaultValue: undefined,
  secret: true,
};

/** An operation name (a GraphQL name) or `client:<client app>`. */
const priorityEntry = /^(?:[_A-Za-z][_0-9A-Za-z]*|client:[\x21-\x7e]{1,128})$/;

const upper = (priority: PriorityClass) => priority.toUpperCase() as Uppercase<PriorityClass>;

/**
 * Reads the protection keys of one BFF (`<prefix>MAX_DEPTH`, `<prefix>RATE_LIMIT_PER_USER`,
 * `<prefix>PRIORITY_CRITICAL`, …, and the shared REDIS_URL), adding one line to `problems` per
 * bad key. Introspection and field suggestions default to off in production, on elsewhere.
 */
export function readProtectionConfig(
  env: NodeJS.ProcessEnv,
  prefix: string,
  defaults: ProtectionConfigDefaults | undefined,
  environment: 'development' | 'production' | 'test',
  problems: string[],
): ProtectionConfig {
  const schemaDetails = environment === 'production' ? 'off' : 'on';
  const keys = readEnvKeys(
    env,
    prefix,
    {
      MAX_DEPTH: intKey(10, 1, 1_000),
      MAX_ALIASES: intKey(30, 0, 100_000),
      MAX_ROOT_FIELDS: intKey(10, 1, 10_000),
      MAX_DIRECTIVES: intKey(20, 0, 100_000),
      MAX_TOKENS: intKey(2_000, 1, 1_000_000),
      MAX_DOCUMENT_BYTES: intKey(32_768, 1, 100 * 1_048_576),
      MAX_COST: intKey(5_000, 1, Number.MAX_SAFE_INTEGER),
      COST_DEFAULT_LIST_SIZE: intKey(10, 1, 1_000_000),
      BATCH_MAX_OPERATIONS: intKey(0, 0, 1_000),
      INTROSPECTION: onOff(schemaDetails),
      FIELD_SUGGESTIONS: onOff(schemaDetails),
      RATE_LIMIT_PER_USER: intKey(1_000, 0, Number.MAX_SAFE_INTEGER),
      RATE_LIMIT_PER_CLIENT: intKey(100_000, 0, Number.MAX_SAFE_INTEGER),
      RATE_LIMIT_WINDOW_S: intKey(60, 1, 86_400),
      RATE_LIMIT_UNIT: enumKey(['request', 'cost'], 'request'),
      RATE_LIMIT_ON_STORE_ERROR: enumKey(['open', 'closed'], 'open'),
      ADMISSION_MAX_IN_FLIGHT: intKey(64, 0, 1_000_000),
      ADMISSION_MAX_QUEUE: intKey(256, 0, 1_000_000),
      ADMISSION_ADAPTIVE: onOff('off'),
      ADMISSION_CRITICAL_RESERVE: intKey(0, 0, 1_000),
      ADMISSION_TARGET_UTILIZATION_PERCENT: intKey(85, 10, 100),
      ADMISSION_MAX_WAIT_MS_CRITICAL: intKey(5_000, 0, 600_000),
      ADMISSION_MAX_WAIT_MS_HIGH: intKey(2_000, 0, 600_000),
      ADMISSION_MAX_WAIT_MS_NORMAL: intKey(1_000, 0, 600_000),
      ADMISSION_MAX_WAIT_MS_LOW: intKey(250, 0, 600_000),
      PRIORITY_CRITICAL: optionalKey(listKey([])),
      PRIORITY_HIGH: optionalKey(listKey([])),
      PRIORITY_NORMAL: optionalKey(listKey([])),
      PRIORITY_LOW: optionalKey(listKey([])),
      PRIORITY_DEFAULT: enumKey(priorityClasses, 'normal'),
    },
    problems,
  );
  const shared = readEnvKeys(env, '', { REDIS_URL: redisUrlKey }, problems);
  const priorities = readPriorities(
    prefix,
    Object.fromEntries(priorityClasses.map((priority) => [priority, keys[`PRIORITY_${upper(priority)}`]])) as Record<
      PriorityClass,
      readonly string[] | undefined
    >,
    defaults?.priorities ?? {},
    problems,
  );
  return Object.freeze({
    limits: Object.freeze({
      maxDepth: keys.MAX_DEPTH,
      maxAliases: keys.MAX_ALIASES,
      maxRootFields: keys.MAX_ROOT_FIELDS,
      maxDirectives: keys.MAX_DIRECTIVES,
      maxTokens: keys.MAX_TOKENS,
      maxDocumentBytes: keys.MAX_DOCUMENT_BYTES,
      maxCost: keys.MAX_COST,
      defaultListSize: keys.COST_DEFAULT_LIST_SIZE,
    }),
    maxBatchOperations: keys.BATCH_MAX_OPERATIONS,
    introspection: keys.INTROSPECTION === 'on',
    fieldSuggestions: keys.FIELD_SUGGESTIONS === 'on',
    rateLimit: Object.freeze({
      perUser: keys.RATE_LIMIT_PER_USER,
      perClient: keys.RATE_LIMIT_PER_CLIENT,
      windowSeconds: keys.RATE_LIMIT_WINDOW_S,
      unit: keys.RATE_LIMIT_UNIT,
      redisUrl: shared.REDIS_URL,
      onStoreError: keys.RATE_LIMIT_ON_STORE_ERROR,
    }),
    admission: Object.freeze({
      maxInFlight: keys.ADMISSION_MAX_IN_FLIGHT,
      maxQueue: keys.ADMISSION_MAX_QUEUE,
      criticalReserve: keys.ADMISSION_CRITICAL_RESERVE,
      adaptive:
        keys.ADMISSION_ADAPTIVE === 'on'
          ? { targetUtilization: keys.ADMISSION_TARGET_UTILIZATION_PERCENT / 100 }
          : undefined,
      maxWaitMs: Object.freeze({
        critical: keys.ADMISSION_MAX_WAIT_MS_CRITICAL,
        high: keys.ADMISSION_MAX_WAIT_MS_HIGH,
        normal: keys.ADMISSION_MAX_WAIT_MS_NORMAL,
        low: keys.ADMISSION_MAX_WAIT_MS_LOW,
      }),
      priorities,
      defaultClass: keys.PRIORITY_DEFAULT,
    }),
  });
}

/**
 * The classes' entries: a class set in the environment replaces the BFF's default list for that
 * class, and takes its entries away from the default lists of other classes (so moving
 * createOrder from critical to high needs one key). An entry in two set classes is a problem.
 */
function readPriorities(
  prefix: string,
  fromEnv: Readonly<Record<PriorityClass, readonly string[] | undefined>>,
  defaults: Partial<PriorityRules>,
  problems: string[],
): PriorityRules {
  const key = (priority: PriorityClass) => `${prefix}PRIORITY_${upper(priority)}`;
  const claimedBy = new Map<string, PriorityClass>();
  for (const priority of priorityClasses) {
    const entries = fromEnv[priority];
    if (entries === undefined) continue;
    const malformed = entries.filter((entry) => !priorityEntry.test(entry));
    if (malformed.length > 0)
      problems.push(
        `${key(priority)} must list operation names or client:<client app> entries, but got: '${malformed.join(',')}'`,
      );
    for (const entry of entries) {
      const normalized = entry.toLowerCase();
      const other = claimedBy.get(normalized);
      if (other !== undefined && other !== priority)
        problems.push(
          `${key(priority)} must not list ${entry}, which ${key(other)} lists too; give each entry one class`,
        );
      claimedBy.set(normalized, priority);
    }
  }
  return Object.freeze(
    Object.fromEntries(
      priorityClasses.map((priority) => [
        priority,
        Object.freeze([
          ...(fromEnv[priority] ?? (defaults[priority] ?? []).filter((entry) => !claimedBy.has(entry.toLowerCase()))),
        ]),
      ]),
    ) as Record<PriorityClass, readonly string[]>,
  );
}
