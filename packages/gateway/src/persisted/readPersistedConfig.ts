import { resolve } from 'node:path';
import { enumKey, intKey, optionalKey, readEnvKeys, stringKey } from '../core/envKey.js';

/** How unknown operations are treated by a BFF with a trusted-documents manifest. */
export const trustedDocumentsModes = ['enforce', 'log', 'off'] as const;
export type TrustedDocumentsMode = (typeof trustedDocumentsModes)[number];

/** Automatic persisted queries and trusted documents (`<prefix>APQ*`, `<prefix>TRUSTED_DOCUMENTS*`). */
export interface PersistedConfig {
  /** Apollo's APQ protocol: clients register a query once, then send its sha256 alone. */
  readonly apq: {
    readonly enabled: boolean;
    /** Seconds a registered query is kept (in Redis; the memory cache also evicts the least recently used). */
    readonly ttlSeconds: number;
    /** Registered queries live in this Redis (shared by replicas) when set; in memory otherwise. Secret. */
    readonly redisUrl: string | undefined;
  };
  readonly trustedDocuments: {
    /** enforce: only manifest operations run; log: others run and are logged; off: no check. */
    readonly mode: TrustedDocumentsMode;
    /** Absolute path of the persisted query manifest; undefined when the BFF has none. */
    readonly manifestFile: string | undefined;
  };
}

/**
 * Reads `<prefix>APQ` (on/off, default on), `<prefix>APQ_TTL_S` (default 86400),
 * `<prefix>TRUSTED_DOCUMENTS_MANIFEST` (default: the BFF's own manifest, if any) and
 * `<prefix>TRUSTED_DOCUMENTS` (with a manifest: `enforce` in production, `log` elsewhere; without
 * one: `off`, and anything else is a problem). REDIS_URL is the shared one the protection keys read.
 */
export function readPersistedConfig(
  env: NodeJS.ProcessEnv,
  prefix: string,
  defaultManifestFile: string | undefined,
  environment: 'development' | 'production' | 'test',
  redisUrl: string | undefined,
  problems: string[],
): PersistedConfig {
  const keys = readEnvKeys(
    env,
    prefix,
    {
      APQ: enumKey(['on', 'off'], 'on'),
      APQ_TTL_S: intKey(86_400, 1, 365 * 86_400),
      TRUSTED_DOCUMENTS_MANIFEST: optionalKey(stringKey('')),
      TRUSTED_DOCUMENTS: optionalKey(enumKey(trustedDocumentsModes, 'off')),
    },
    problems,
  );
  const manifest = keys.TRUSTED_DOCUMENTS_MANIFEST ?? defaultManifestFile;
  const mode =
    keys.TRUSTED_DOCUMENTS ?? (manifest === undefined ? 'off' : environment === 'production' ? 'enforce' : 'log');
  if (mode !== 'off' && manifest === undefined) {
    problems.push(
      `${prefix}TRUSTED_DOCUMENTS must be off for a BFF without a manifest, but got: '${mode}'; ` +
        `set ${prefix}TRUSTED_DOCUMENTS_MANIFEST to a persisted query manifest`,
    );
  }
  return Object.freeze({
    apq: Object.freeze({ enabled: keys.APQ === 'on', ttlSeconds: keys.APQ_TTL_S, redisUrl }),
    trustedDocuments: Object.freeze({ mode, manifestFile: manifest === undefined ? undefined : resolve(manifest) }),
  });
}
