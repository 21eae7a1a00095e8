import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { listenOnFreePort } from './listen.js';

const createApp = () => Fastify().get('/ping', async () => ({ pong: true }));

describe('listenOnFreePort', () => {
  it('serves the app on 127.0.0.1 and a port the OS chose', async () => {
    await using server = await listenOnFreePort(createApp());
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
    expect(await (await fetch(`${server.url}/ping`)).json()).toEqual({ pong: true });
  });

  it('closes the app, and tolerates a second close', async () => {
    const app = createApp();
    const server = await listenOnFreePort(app);
    await server.close();
    await server[Symbol.asyncDispose]();
    expect(app.server.listening).toBe(false);
  });

  it('gives two apps two different ports', async () => {
    await using one = await listenOnFreePort(createApp());
    await using two = await listenOnFreePort(createApp());
    expect(one.port).not.toBe(two.port);
  });
});
