import { allow, createBffServer, readConfig, type AuthorizationOptions, type BffServer } from '@bff/gateway';

/** One way the kit is run against the oracle. */
export interface KitVariant {
  /**
   * `bff` (the kit's executor), `apollo` (PLAN_EXECUTOR=apollo) or `bff+rules` (the kit's executor
   * under a walked allow-all rule book).
   */
  readonly name: string;
  readonly url: string;
  readonly server: BffServer;
}

/** What the variants are built from. */
export interface KitVariantsOptions {
  readonly supergraphFile: string;
  /** The rule book of the `bff+rules` variant; it must allow everything. */
  readonly allowAllRules: AuthorizationOptions;
}

/**
 * Settings that take the kit's protections out of the comparison: the oracle has no limits, so
 * the suite's operations must never meet one; a subgraph's error is not retried (stock does not
 * retry), and breakers never open on a fixture that answers errors on purpose. `prefix` is the
 * BFF's own, e.g. `WEB_BFF_`.
 */
export function conformanceEnv(prefix: string): NodeJS.ProcessEnv {
  const settings: Record<string, string> = {
    RESPONSE_CACHE: 'off',
    INTROSPECTION: 'on',
    FIELD_SUGGESTIONS: 'on',
    MAX_DEPTH: '1000',
    MAX_ALIASES: '100000',
    MAX_ROOT_FIELDS: '10000',
    MAX_DIRECTIVES: '100000',
    MAX_TOKENS: '1000000',
    MAX_COST: '9007199254740991',
    RATE_LIMIT_PER_USER: '0',
    RATE_LIMIT_PER_CLIENT: '0',
    ADMISSION_MAX_IN_FLIGHT: '0',
    RETRY_MAX_ATTEMPTS: '1',
    BREAKER_THRESHOLD: '1000',
  };
  return {
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    ...Object.fromEntries(Object.entries(settings).map(([key, value]) => [`${prefix}${key}`, value])),
  };
}

const auth = {
  issuer: 'bff-dev',
  audience: 'conformance',
  developmentSecret: 'conformance-development-secret-not-for-production',
};

async function startVariant(
  name: string,
  options: KitVariantsOptions,
  env: NodeJS.ProcessEnv,
  authorization?: AuthorizationOptions,
): Promise<KitVariant> {
  const config = readConfig({ ...conformanceEnv('BFF_'), ...env }, 'BFF_', {
    name: 'conformance',
    port: 0,
    supergraphFile: options.supergraphFile,
    auth,
  });
  const server = createBffServer(config, { ...(authorization && { authorization }) });
  const url = `${await server.start()}/graphql`;
  return { name, url, server };
}

/**
 * Starts the kit three ways over one supergraph: its executor, Apollo's executor, and its executor
 * under an allow-all rule book.
 */
export async function startKitVariants(options: KitVariantsOptions): Promise<KitVariant[]> {
  const started: KitVariant[] = [];
  try {
    started.push(await startVariant('bff', options, { BFF_PLAN_EXECUTOR: 'bff' }));
    started.push(await startVariant('apollo', options, { BFF_PLAN_EXECUTOR: 'apollo' }));
    started.push(
      await startVariant(
        'bff+rules',
        options,
        { BFF_PLAN_EXECUTOR: 'bff' },
        { fallbackRule: allow, ...options.allowAllRules },
      ),
    );
    return started;
  } catch (error) {
    await Promise.all(started.map((variant) => variant.server.stop()));
    throw error;
  }
}
