import { createEventBus } from '@bff/gateway';
import { describe, expect, it } from 'vitest';
import { createOrderStatusHub } from './createOrderStatusHub.js';
import { orderStatusChannel } from './orderStatusChanges.js';

const event = (orderId: string, status: string, changedAt = '2027-01-01T00:00:00.000Z') =>
  JSON.stringify({ orderId, buyerId: '1', status, changedAt });
const change = (orderId: string, status: string, changedAt = '2027-01-01T00:00:00.000Z') => ({
  value: { order: { id: orderId, buyerId: '1', status }, status, changedAt },
  done: false,
});

describe('order status hub', () => {
  const bus = createEventBus();

  it("hands each change to its order's watchers only, each of them, until each leaves", async () => {
    const hub = createOrderStatusHub(bus);
    const [first, second, other] = [hub.watch('o1'), hub.watch('o1'), hub.watch('o2')];
    await Promise.all([first.ready, second.ready, other.ready]);
    await bus.publish(orderStatusChannel, event('o1', 'PACKED'));
    await bus.publish(orderStatusChannel, event('o2', 'SHIPPED'));
    expect(await first.changes.next()).toEqual(change('o1', 'PACKED'));
    expect(await second.changes.next()).toEqual(change('o1', 'PACKED'));
    expect(await other.changes.next()).toEqual(change('o2', 'SHIPPED'));
    await first.changes.return?.();
    await bus.publish(orderStatusChannel, event('o1', 'SHIPPED'));
    expect(await second.changes.next()).toEqual(change('o1', 'SHIPPED'));
    expect(await first.changes.next()).toEqual({ value: undefined, done: true });
    await second.changes.return?.();
    await other.changes.return?.();
  });

  it('ends a pending next() at once on return(), and skips messages that are not order status events', async () => {
    const hub = createOrderStatusHub(bus);
    const watch = hub.watch('o3');
    await watch.ready;
    await bus.publish(orderStatusChannel, 'not json');
    const pending = watch.changes.next();
    await watch.changes.return?.();
    expect(await pending).toEqual({ value: undefined, done: true });
  });

  it('keeps the newest 100 changes for a watcher that falls behind, dropping the oldest, each drop told', async () => {
    let dropped = 0;
    const hub = createOrderStatusHub(bus, () => (dropped += 1));
    const watch = hub.watch('o4');
    await watch.ready;
    for (let n = 0; n < 105; n += 1)
      await bus.publish(
        orderStatusChannel,
        event('o4', 'PACKED', new Date(Date.UTC(2027, 0, 1, 0, 0, n)).toISOString()),
      );
    const first = await watch.changes.next();
    expect(first).toEqual(change('o4', 'PACKED', '2027-01-01T00:00:05.000Z'));
    expect(dropped).toBe(5);
    await watch.changes.return?.();
  });
});
