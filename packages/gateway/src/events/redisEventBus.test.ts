import { startRedisServer, type RunningRedis } from '@bff/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRedisConnection, type RedisConnection } from '../core/createRedisConnection.js';
import type { EventBus } from './EventBus.js';
import { createEventBus } from './createEventBus.js';

describe('createEventBus over Redis', () => {
  let redis: RunningRedis;
  let admin: RedisConnection;
  const buses: EventBus[] = [];
  const errors: string[] = [];
  const open = () => {
    const bus = createEventBus({
      redisUrl: redis.url,
      onError: (error) => void errors.push(error instanceof Error ? error.message : String(error)),
    });
    buses.push(bus);
    return bus;
  };
  /** `calls` of one command in Redis's INFO commandstats, since Redis started. */
  const callsOf = async (command: string) => {
    const stats = await admin.client.info('commandstats');
    return Number(new RegExp(`cmdstat_${command}:calls=(\\d+)`).exec(stats)?.[1] ?? 0);
  };
  const subscribersOf = async (channel: string) => (await admin.client.pubsub('NUMSUB', channel))[1];
  const subscriberConnections = async () =>
    String(await admin.client.call('CLIENT', 'LIST', 'TYPE', 'pubsub'))
      .split('\n')
      .filter(Boolean).length;

  beforeEach(async () => {
    errors.length = 0;
    redis = await startRedisServer();
    admin = createRedisConnection(redis.url);
    await admin.ready(2_000);
  });
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
    admin.close();
    await redis.stop();
  });

  it('delivers a message published on one bus to every listener of another bus on the same Redis, and its own', async () => {
    const [publisher, subscriber] = [open(), open()];
    const received: string[] = [];
    const subscriptions = [
      subscriber.subscribe('orders.status', (message) => void received.push(`b1 ${message}`)),
      subscriber.subscribe('orders.status', (message) => void received.push(`b2 ${message}`)),
      publisher.subscribe('orders.status', (message) => void received.push(`a ${message}`)),
    ];
    await Promise.all(subscriptions.map((subscription) => subscription.ready));
    await publisher.publish('orders.status', '{"orderId":"o1","status":"PACKED"}');
    await admin.client.ping();
    await until(() => received.length === 3);
    expect(received.sort()).toEqual([
      'a {"orderId":"o1","status":"PACKED"}',
      'b1 {"orderId":"o1","status":"PACKED"}',
      'b2 {"orderId":"o1","status":"PACKED"}',
    ]);
  });

  it('holds one SUBSCRIBE per channel per bus, however many listeners, on one subscriber connection per bus', async () => {
    const [first, second] = [open(), open()];
    const subscriptions = [first, second].flatMap((bus) => [
      bus.subscribe('orders.status', () => undefined),
      bus.subscribe('orders.status', () => undefined),
      bus.stream('orders.status'),
      bus.subscribe('other', () => undefined),
    ]);
    await Promise.all(subscriptions.map((subscription) => subscription.ready));
    expect(await callsOf('subscribe')).toBe(4);
    expect(await subscribersOf('orders.status')).toBe(2);
    expect(await subscribersOf('other')).toBe(2);
    expect(await subscriberConnections()).toBe(2);
  });

  it("unsubscribes from Redis when a channel's last listener leaves, and delivers no more to it", async () => {
    const [publisher, subscriber] = [open(), open()];
    const received: string[] = [];
    const one = subscriber.subscribe('c', (message) => void received.push(`one ${message}`));
    const stream = subscriber.stream('c');
    await Promise.all([one.ready, stream.ready]);
    one.unsubscribe();
    await publisher.publish('c', '1');
    expect(await stream.next()).toEqual({ value: '1', done: false });
    await stream.return();
    await until(async () => (await subscribersOf('c')) === 0);
    expect(await callsOf('unsubscribe')).toBe(1);
    await publisher.publish('c', '2');
    await sleep(50);
    expect(received).toEqual([]);
  });

  it('resumes delivery by itself after Redis restarts, and reports the outage once', async () => {
    const [publisher, subscriber] = [open(), open()];
    const received: string[] = [];
    await subscriber.subscribe('c', (message) => void received.push(message)).ready;
    await publisher.publish('c', 'before');
    await until(() => received.length === 1);

    await redis.restart();
    // Messages published before the subscriber has subscribed again are lost (at most once); keep publishing.
    for (let attempt = 0; received.length === 1; attempt += 1) {
      if (attempt === 100) throw new Error('no message delivered within 10 s of the restart');
      await publisher.publish('c', 'after').catch(() => undefined);
      await sleep(100);
    }
    expect(received.slice(0, 2)).toEqual(['before', 'after']);
    expect(await subscribersOf('c')).toBe(1);
    expect(errors).toEqual([
      `event bus: lost its subscriber connection to Redis at 127.0.0.1:${redis.port}; ` +
        'reconnecting (messages published meanwhile are lost)',
    ]);
  });

  it('rejects a publish while Redis is down, naming it, and makes ready wait for Redis to be back', async () => {
    const bus = open();
    await bus.publish('c', 'warm-up');
    await redis.stop();
    // The first publish may still go out before the client has seen its socket close; then it fails otherwise.
    await until(() =>
      bus.publish('c', 'probe').then(
        () => false,
        () => true,
      ),
    );
    await expect(bus.publish('c', 'lost')).rejects.toThrow(
      new Error(
        `publish: Redis at 127.0.0.1:${redis.port} did not take the message, which is lost: ` +
          "Stream isn't writeable and enableOfflineQueue options is false",
      ),
    );
    let ready = false;
    const subscription = bus.subscribe('c', () => undefined);
    void subscription.ready.then(() => (ready = true));
    await sleep(300);
    expect(ready).toBe(false);
    await redis.restart();
    await subscription.ready;
    expect(await subscribersOf('c')).toBe(1);
  });
});

/** Polls `condition` every 10 ms for up to 5 s. */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    if (await condition()) return;
    await sleep(10);
  }
  throw new Error('condition not met within 5 s');
}
