import type { GraphQLFormattedError } from 'graphql';

/** One open subscription, as the registry holds it. */
export interface OpenSubscription {
  /** Counts one event delivered to the subscriber. */
  delivered(): void;
  /** Takes it out of the registry (idempotent): its stream has ended. */
  close(): void;
}

/** Every subscription a BFF process serves: for the limits per viewer, the metrics and the shutdown. */
export interface SubscriptionRegistry {
  /** Subscriptions `viewerKey` holds now. */
  countOf(viewerKey: string): number;
  /**
   * Registers a subscription whose stream `end` ends (with a transport error when given): the registry calls it on
   * shutdown.
   */
  open(viewerKey: string, end: (error: GraphQLFormattedError) => void): OpenSubscription;
  /** Subscriptions open now. */
  active(): number;
  /** Events delivered since the process started. */
  delivered(): number;
  /** Counts one event a subscriber could not take in time (its buffer full, the oldest dropped). */
  countDropped(): void;
  /** Events dropped since the process started. */
  dropped(): number;
  /** Ends every subscription with `error` (the BFF is shutting down: subscribers are told to subscribe again). */
  endAll(error: GraphQLFormattedError): void;
}

/** The registry of one BFF process. */
export function createSubscriptionRegistry(): SubscriptionRegistry {
  const byViewer = new Map<string, number>();
  const ends = new Set<(error: GraphQLFormattedError) => void>();
  let delivered = 0;
  let dropped = 0;
  return {
    countOf: (viewerKey) => byViewer.get(viewerKey) ?? 0,
    open(viewerKey, end) {
      byViewer.set(viewerKey, (byViewer.get(viewerKey) ?? 0) + 1);
      ends.add(end);
      let open = true;
      return {
        delivered: () => {
          delivered += 1;
        },
        close() {
          if (!open) return;
          open = false;
          ends.delete(end);
          const left = (byViewer.get(viewerKey) ?? 1) - 1;
          if (left > 0) byViewer.set(viewerKey, left);
          else byViewer.delete(viewerKey);
        },
      };
    },
    active: () => ends.size,
    delivered: () => delivered,
    countDropped: () => {
      dropped += 1;
    },
    dropped: () => dropped,
    endAll(error) {
      for (const end of [...ends]) end(error);
    },
  };
}
