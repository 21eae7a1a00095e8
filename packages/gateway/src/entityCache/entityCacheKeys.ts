import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';
import type { EntityCacheKey } from './EntityCache.js';

/** Representations up to this length stand in a key as they are; longer ones by their hash. */
const maxRepresentationChars = 200;
/** Distinct selections whose hash is remembered: a BFF's plans have a few hundred fetches at most. */
const maxSelectionHashes = 1_000;

/** The key layout of the entity caches, in memory and in Redis alike. */
export interface EntityCacheKeys {
  /** Where an answer every viewer may share is kept. */
  readonly publicKey: (key: EntityCacheKey) => string;
  /** Where an answer only `viewerId` may see is kept. */
  readonly privateKey: (key: EntityCacheKey, viewerId: string) => string;
  /** What every key of `typename`'s entries starts with (a GraphQL name holds no `:`, `*`, `?` or `[`). */
  readonly typePrefix: (typename: string) => string;
  /** Where answers of `scope` are stored for this viewer: none for a private answer to an anonymous one. */
  readonly storeKeyOf: (
    scope: 'PUBLIC' | 'PRIVATE',
    viewerId: string | undefined,
  ) => ((key: EntityCacheKey) => string) | undefined;
}

/**
 * Keys as `<typename>:<service>:<selection hash>:<scope>:<representation>`: the typename first, so
 * a type's entries are found by prefix (a Redis SCAN MATCH); the selection (a fetch's whole
 * operation text, kilobytes) by its SHA-256, remembered per text; the scope `public` or
 * `user=<viewer id, URI-encoded>`; the representation last, as it is or, when long, `#<its SHA-256>`
 * (a JSON representation never starts with `#`). Every part before the last holds no `:` of its own,
 * so two different keys never read the same.
 */
export function createEntityCacheKeys(): EntityCacheKeys {
  const selectionHashes = new LRUCache<string, string>({ max: maxSelectionHashes });
  const hashOfSelection = (selection: string): string => {
    let hash = selectionHashes.get(selection);
    if (hash === undefined) selectionHashes.set(selection, (hash = sha256(selection)));
    return hash;
  };
  const keyOf = (key: EntityCacheKey, scope: string): string => {
    const { representation } = key;
    const representationPart =
      representation.length > maxRepresentationChars ? `#${sha256(representation)}` : representation;
    return (
      `${key.typename}:${encodeURIComponent(key.service)}:${hashOfSelection(key.selection)}:` +
      `${scope}:${representationPart}`
    );
  };
  const publicKey = (key: EntityCacheKey) => keyOf(key, 'public');
  const privateKey = (key: EntityCacheKey, viewerId: string) => keyOf(key, `user=${encodeURIComponent(viewerId)}`);
  return {
    publicKey,
    privateKey,
    typePrefix: (typename) => `${typename}:`,
    storeKeyOf: (scope, viewerId) =>
      scope === 'PUBLIC' ? publicKey : viewerId === undefined ? undefined : (key) => privateKey(key, viewerId),
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
