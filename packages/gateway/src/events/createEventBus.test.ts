import { afterEach, describe, expect, it } from 'vitest';
import type { EventBus, EventStream } from './EventBus.js';
import { createEventBus } from './createEventBus.js';

describe('createEventBus in process', () => {
  const errors: unknown[] = [];
  let bus: EventBus;
  const open = () => (bus = createEventBus({ onError: (error) => void errors.push(error) }));
  afterEach(async () => {
    errors.length = 0;
    await bus.close();
  });

  it('delivers a message to every listener of its channel before publish resolves, and to no other channel', async () => {
    open();
    const received: string[] = [];
    const first = bus.subscribe('orders.status', (message) => void received.push(`first ${message}`));
    bus.subscribe('orders.status', (message) => void received.push(`second ${message}`));
    bus.subscribe('other', (message) => void received.push(`other ${message}`));
    await expect(first.ready).resolves.toBeUndefined();
    await bus.publish('orders.status', '{"orderId":"o1"}');
    expect(received).toEqual(['first {"orderId":"o1"}', 'second {"orderId":"o1"}']);
  });

  it('stops delivering to a listener once unsubscribed, and keeps delivering to the others', async () => {
    open();
    const received: string[] = [];
    const leaving = bus.subscribe('c', (message) => void received.push(`leaving ${message}`));
    bus.subscribe('c', (message) => void received.push(`staying ${message}`));
    await bus.publish('c', '1');
    leaving.unsubscribe();
    leaving.unsubscribe();
    await bus.publish('c', '2');
    expect(received).toEqual(['leaving 1', 'staying 1', 'staying 2']);
  });

  it('reports a listener that throws to onError, and still delivers to the listeners after it', async () => {
    open();
    const received: string[] = [];
    bus.subscribe('c', () => {
      throw new Error('listener broke');
    });
    bus.subscribe('c', (message) => void received.push(message));
    await bus.publish('c', 'm');
    expect(received).toEqual(['m']);
    expect(errors).toEqual([new Error('listener broke')]);
  });

  it('streams messages in order to a consumer, whether it was waiting in next() or not', async () => {
    open();
    const stream = bus.stream('c');
    await stream.ready;
    const waiting = stream.next();
    await bus.publish('c', '1');
    await bus.publish('c', '2');
    await bus.publish('c', '3');
    expect(await waiting).toEqual({ value: '1', done: false });
    expect(await stream.next()).toEqual({ value: '2', done: false });
    expect(await stream.next()).toEqual({ value: '3', done: false });
    expect(stream.dropped).toBe(0);
  });

  it('keeps at most bufferSize messages for a slow consumer, dropping the oldest and reporting each', async () => {
    open();
    const dropped: string[] = [];
    const stream = bus.stream('c', { bufferSize: 2, onDrop: (message) => void dropped.push(message) });
    for (const message of ['1', '2', '3', '4']) await bus.publish('c', message);
    expect(dropped).toEqual(['1', '2']);
    expect(stream.dropped).toBe(2);
    expect(await stream.next()).toEqual({ value: '3', done: false });
    expect(await stream.next()).toEqual({ value: '4', done: false });
  });

  it('ends a stream on return(): a waiting next() is done, and later messages are not kept', async () => {
    open();
    const stream = bus.stream('c');
    const waiting = stream.next();
    expect(await stream.return()).toEqual({ value: undefined, done: true });
    expect(await waiting).toEqual({ value: undefined, done: true });
    await bus.publish('c', 'late');
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('keeps nothing for a stream that an earlier listener of the same message ended', async () => {
    open();
    const later: { stream?: EventStream } = {};
    bus.subscribe('c', () => void later.stream?.return());
    const stream = (later.stream = bus.stream('c'));
    await bus.publish('c', 'too late');
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('serves for await … of, which ends the stream when the loop breaks', async () => {
    open();
    const stream = bus.stream('c');
    const consumed = (async () => {
      const seen: string[] = [];
      for await (const message of stream) {
        seen.push(message);
        if (seen.length === 2) break;
      }
      return seen;
    })();
    for (const message of ['a', 'b', 'c']) await bus.publish('c', message);
    expect(await consumed).toEqual(['a', 'b']);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('ends every stream on close, waiting consumers included, and refuses to publish or subscribe after', async () => {
    open();
    const stream = bus.stream('c');
    const waiting = stream.next();
    await bus.close();
    expect(await waiting).toEqual({ value: undefined, done: true });
    await expect(bus.publish('c', 'm')).rejects.toThrow(
      new Error('publish: the event bus is closed; make a new one with createEventBus'),
    );
    expect(() => bus.subscribe('c', () => undefined)).toThrow(
      new Error('subscribe: the event bus is closed; make a new one with createEventBus'),
    );
  });
});
