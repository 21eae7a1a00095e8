/** How long an answer stays fresh and who may share it, from a subgraph's Cache-Control. */
export interface EntityCachePolicy {
  /** Seconds; 0: not cacheable. */
  readonly maxAge: number;
  readonly scope: 'PUBLIC' | 'PRIVATE';
}

/** What one entity answer of a subgraph is cached under. */
export interface EntityCacheKey {
  /** The subgraph's name. */
  readonly service: string;
  /** The fetch's operation text: the selection the entity was fetched with. */
  readonly selection: string;
  /** The representation's `__typename`: what a type's entries are dropped by. */
  readonly typename: string;
  /** The representation as JSON (its key fields, as the executor sends it). */
  readonly representation: string;
}

/**
 * A cached entity answer: a fresh copy each time (the caller may change it), and the policy left: max-age counts
 * down in whole seconds (rounded down), scope PUBLIC or PRIVATE as the entry was stored.
 */
export interface CachedEntity {
  readonly entity: Record<string, unknown>;
  readonly policy: EntityCachePolicy;
}

/**
 * Entity answers of subgraphs, kept for as long as their cache hints allow: public answers are
 * shared by every viewer, private ones kept per viewer (and never for an anonymous one).
 */
export interface EntityCache {
  /**
   * The cached answer of each key, in order (a public entry first, else the viewer's private one); undefined where
   * there is none for this viewer, and for every key when the store does not answer. Never rejects.
   */
  lookup(keys: readonly EntityCacheKey[], viewerId: string | undefined): Promise<(CachedEntity | undefined)[]>;
  /** Keeps these answers under `policy` (nothing for max-age 0, or private without a viewer); never throws. */
  store(
    entries: readonly { readonly key: EntityCacheKey; readonly entity: Record<string, unknown> }[],
    policy: EntityCachePolicy,
    viewerId: string | undefined,
  ): void;
  /** Drops every entry of a type (all viewers); resolves to how many were dropped, rejects when the store fails. */
  dropType(typename: string): Promise<number>;
}
