import { describe, expect, it } from 'vitest';
import type { Target } from './spawnTarget.js';
import { formatSubscriptionFanOut, subscriptionFanOut, type SubscriptionFanOutSettings } from './subscriptionFanOut.js';

/** The benchmark's code at a small size: 4 connections x 5 subscriptions over 4 orders, 20 events/s for 2 s. */
const quick: SubscriptionFanOutSettings = {
  connections: 4,
  subscriptionsPerConnection: 5,
  orders: 4,
  eventsPerSecond: 20,
  seconds: 2,
};

describe('subscriptionFanOut', () => {
  it(
    'delivers every published event to every subscriber of its order, and reports it',
    { timeout: 30_000 },
    async () => {
      const targets: Target[] = [];
      try {
        const result = await subscriptionFanOut(targets, quick);
        // 40 events, 10 per order, each order watched by 5 subscriptions.
        expect(result).toEqual({
          settings: quick,
          subscriptions: 20,
          published: 40,
          expected: 200,
          received: 200,
          unexpected: 0,
          errors: [],
          bffEvents: 200,
          bffCpuShare: expect.any(Number),
          latencyMs: { p50: expect.any(Number), p99: expect.any(Number), max: expect.any(Number) },
          rssMb: { sampledMax: expect.any(Number), peak: expect.any(Number) },
          pinned: expect.any(Boolean),
          met: { delivered: true, p99: expect.any(Boolean), rss: expect.any(Boolean) },
        });
        const lines = formatSubscriptionFanOut(result).split('\n');
        expect(lines).toHaveLength(5);
        expect(lines[2]).toBe(
          '  deliveries expected 200, received 200, unexpected 0, errors 0 (target: every event delivered) MET',
        );
      } finally {
        // Stopped by subscriptionFanOut itself; again here in case it threw before its own cleanup ran.
        await Promise.all(targets.map((target) => target.stop()));
      }
    },
  );
});
