import { positiveIntKey, readEnvKeys } from '../core/envKey.js';

/** Subscriptions, over multipart HTTP and GraphQL over WebSocket (`<prefix>SUBSCRIPTIONS_*`). */
export interface SubscriptionsConfig {
  /**
   * Subscriptions one viewer (a user; an anonymous client by its address) may hold at once, over every transport and
   * connection of this process; one more is refused with TOO_MANY_SUBSCRIPTIONS.
   * @default 50
   */
  readonly maxPerViewer: number;
  /** An empty part (`{}`) on a multipart subscription after this long without one, in milliseconds. @default 5000 */
  readonly heartbeatMs: number;
  /**
   * Operations one WebSocket connection may have running at once; one more is refused with TOO_MANY_SUBSCRIPTIONS.
   * @default 20
   */
  readonly maxPerConnection: number;
  /**
   * Interval of the WebSocket pings that keep idle connections open through proxies and find dead peers (one that
   * does not answer within the same interval is cut off), in milliseconds.
   * @default 12000
   */
  readonly keepAliveMs: number;
}

/**
 * Reads `<prefix>SUBSCRIPTIONS_MAX_PER_VIEWER` (default 50), `<prefix>SUBSCRIPTIONS_MAX_PER_CONNECTION` (default 20),
 * `<prefix>SUBSCRIPTIONS_HEARTBEAT_MS` (default 5000) and `<prefix>SUBSCRIPTIONS_KEEPALIVE_MS` (default 12000),
 * adding a line to `problems` for each bad one.
 */
export function readSubscriptionsConfig(
  env: NodeJS.ProcessEnv,
  prefix: string,
  problems: string[],
): SubscriptionsConfig {
  const keys = readEnvKeys(
    env,
    prefix,
    {
      SUBSCRIPTIONS_MAX_PER_VIEWER: positiveIntKey(50, 100_000),
      SUBSCRIPTIONS_MAX_PER_CONNECTION: positiveIntKey(20, 10_000),
      SUBSCRIPTIONS_HEARTBEAT_MS: positiveIntKey(5_000, 600_000),
      SUBSCRIPTIONS_KEEPALIVE_MS: positiveIntKey(12_000, 600_000),
    },
    problems,
  );
  return Object.freeze({
    maxPerViewer: keys.SUBSCRIPTIONS_MAX_PER_VIEWER,
    heartbeatMs: keys.SUBSCRIPTIONS_HEARTBEAT_MS,
    maxPerConnection: keys.SUBSCRIPTIONS_MAX_PER_CONNECTION,
    keepAliveMs: keys.SUBSCRIPTIONS_KEEPALIVE_MS,
  });
}
