/** Whether a BFF can take traffic: its supergraph loaded, and not draining for shutdown. */
export interface Health {
  /** The gateway has a schema to serve. */
  markLoaded(): void;
  /** Shutdown began: from now on the BFF is not ready. */
  markDraining(): void;
  readonly ready: boolean;
  readonly draining: boolean;
}

/** Creates the readiness state of one BFF: not ready until its supergraph is loaded. */
export function createHealth(): Health {
  let loaded = false;
  let draining = false;
  return {
    markLoaded: () => void (loaded = true),
    markDraining: () => void (draining = true),
    get ready() {
      return loaded && !draining;
    },
    get draining() {
      return draining;
    },
  };
}
