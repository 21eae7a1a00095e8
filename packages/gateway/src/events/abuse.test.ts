import { afterAll, describe, expect, it } from 'vitest';
import { createEventBus } from './createEventBus.js';

describe('createEventBus misuse', () => {
  const bus = createEventBus();
  afterAll(() => bus.close());

  it('rejects a channel that is not a non-empty string, naming it', async () => {
    await expect(bus.publish('', 'm')).rejects.toThrow(
      new TypeError('publish: channel must be a non-empty string, but got: ""'),
    );
    expect(() => bus.subscribe(7 as unknown as string, () => undefined)).toThrow(
      new TypeError('subscribe: channel must be a non-empty string, but got: 7'),
    );
  });

  it('rejects a message that is not a string', async () => {
    await expect(bus.publish('c', { orderId: 'o1' } as unknown as string)).rejects.toThrow(
      new TypeError('publish: message must be a string (JSON.stringify it), but got: object'),
    );
  });

  it('rejects a listener that is not a function', () => {
    expect(() => bus.subscribe('c', 'listener' as unknown as () => void)).toThrow(
      new TypeError('subscribe: listener must be a function, but got: string'),
    );
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects a stream bufferSize of %s', (bufferSize) => {
    expect(() => bus.stream('c', { bufferSize })).toThrow(
      new RangeError(`stream: bufferSize must be a positive integer, but got: ${bufferSize}`),
    );
  });

  it("serves channels named like EventEmitter's reserved events, error and newListener, as any other", async () => {
    const received: string[] = [];
    await bus.publish('error', 'nobody listens');
    bus.subscribe('newListener', (message) => void received.push(`newListener ${message}`));
    const error = bus.subscribe('error', (message) => void received.push(`error ${message}`));
    await bus.publish('error', 'e');
    await bus.publish('newListener', 'n');
    error.unsubscribe();
    await bus.publish('error', 'gone');
    expect(received).toEqual(['error e', 'newListener n']);
  });
});
