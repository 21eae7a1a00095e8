import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { startRedisServer, type RunningRedis } from '@bff/testing';
import { parse } from 'graphql';
import { Redis } from 'ioredis';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config/readConfig.js';
import type { EventBus } from '../events/EventBus.js';
import { createEventBus } from '../events/createEventBus.js';
import { createBffServer, type BffServerParts } from './createBffServer.js';

const typeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    hello: String
  }
`);
const auth = {
  issuer: 'bff-dev',
  audience: 'events',
  developmentSecret: 'events-test-development-secret-not-for-production',
};

describe("createBffServer's event bus", () => {
  let dir: string;
  let supergraphFile: string;
  let redis: RunningRedis;
  let admin: Redis;
  const subscribers = async (channel: string) => (await admin.pubsub('NUMSUB', channel))[1];
  const until = async (condition: () => Promise<boolean>) => {
    for (let attempt = 0; attempt < 100 && !(await condition()); attempt += 1) await sleep(10);
  };

  beforeAll(async () => {
    const composed = composeServices([{ name: 'local', url: 'inprocess://local', typeDefs }]);
    if (composed.errors) throw new Error('the fixture supergraph did not compose');
    dir = mkdtempSync(join(tmpdir(), 'bff-events-'));
    supergraphFile = join(dir, 'supergraph.graphql');
    writeFileSync(supergraphFile, composed.supergraphSdl);
    redis = await startRedisServer();
    admin = new Redis(redis.url);
  });
  afterAll(async () => {
    admin?.disconnect();
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A BFF over one in-process subgraph; resolves with the bus its kit got and what it logged. */
  const startBff = async (env: NodeJS.ProcessEnv, parts: Pick<BffServerParts, 'events'> = {}) => {
    const logged: string[] = [];
    let kitEvents: EventBus | undefined;
    const config = readConfig({ LOG_LEVEL: 'warn', ...env }, 'BFF_', { name: 'events', port: 0, supergraphFile, auth });
    const server = createBffServer(config, {
      ...parts,
      logStream: { write: (line) => void logged.push(line) },
      localSubgraphs: (kit) => {
        kitEvents = kit.events;
        return [{ name: 'local', schema: buildSubgraphSchema({ typeDefs, resolvers: {} }) }];
      },
    });
    await server.start();
    if (!kitEvents) throw new Error('the kit was not built');
    return { server, events: kitEvents, logged };
  };

  it('makes a bus of its own through REDIS_URL, and closes it on stop()', async () => {
    const { server, events } = await startBff({ REDIS_URL: redis.url });
    const stream = events.stream('orders.status');
    await stream.ready;
    expect(await subscribers('orders.status')).toBe(1);
    await server.stop();
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    await until(async () => (await subscribers('orders.status')) === 0);
    expect(await subscribers('orders.status')).toBe(0);
  });

  it('gives its connectors the bus it is given, and leaves that bus open on stop()', async () => {
    const shared = createEventBus();
    const { server, events } = await startBff({}, { events: shared });
    expect(events).toBe(shared);
    await server.stop();
    const received: string[] = [];
    shared.subscribe('c', (message) => void received.push(message));
    await shared.publish('c', 'still open');
    expect(received).toEqual(['still open']);
    await shared.close();
  });

  it("logs its bus's errors as warnings, naming Redis's host and port but not the URL's password", async () => {
    // Until the restart below; the admin connection stays signed in.
    await admin.config('SET', 'requirepass', 's3cret-pw');
    const { server, events, logged } = await startBff({ REDIS_URL: `redis://:s3cret-pw@127.0.0.1:${redis.port}` });
    try {
      await events.stream('orders.status').ready;
      await redis.stop();
      await until(async () => logged.some((line) => line.includes('event bus')));
      const busLines = logged
        .map((line) => JSON.parse(line) as { level: number; msg: string })
        .filter(({ msg }) => msg.includes('event bus'))
        .map(({ level, msg }) => ({ level, msg }));
      const lost = `event bus: lost its subscriber connection to Redis at 127.0.0.1:${redis.port}`;
      expect(busLines).toEqual([{ level: 40, msg: `${lost}; reconnecting (messages published meanwhile are lost)` }]);
      expect(logged.join('\n')).not.toContain('s3cret-pw');
    } finally {
      await server.stop();
      await redis.restart();
    }
  });
});
