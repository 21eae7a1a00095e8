import { describe, expect, it } from 'vitest';
import { createCallWrites } from '../http/pendingCallWrites.js';
import { startInOrder } from './startInOrder.js';

/** Branches that record when they start, and whether a call was then still waiting for its write. */
function recorder(dispatching: readonly string[]) {
  const callWrites = createCallWrites();
  const started: string[] = [];
  const awaitingWhenStarted: boolean[] = [];
  const start = async (name: string) => {
    started.push(name);
    awaitingWhenStarted.push(callWrites.awaitingWrite());
    if (dispatching.includes(name)) callWrites.noteDispatched();
  };
  return { started, awaitingWhenStarted, start, callWrites };
}

describe('startInOrder', () => {
  it('starts every branch at once while none has dispatched a call', async () => {
    const { started, start, callWrites } = recorder([]);
    const all = startInOrder(['a', 'b', 'c'], start, callWrites);
    expect(started).toEqual(['a', 'b', 'c']);
    await expect(all).resolves.toBeUndefined();
  });

  it('starts the branches after one that dispatched a call once that call is written, one check phase later', async () => {
    const { started, awaitingWhenStarted, start, callWrites } = recorder(['a', 'b']);
    const all = startInOrder(['a', 'b', 'c', 'd'], start, callWrites);
    expect(started).toEqual(['a']);
    expect(callWrites.awaitingWrite()).toBe(true);
    await callWrites.afterWrites();
    // b dispatched too: c and d wait for b's write.
    expect(started).toEqual(['a', 'b']);
    await callWrites.afterWrites();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    expect(awaitingWhenStarted).toEqual([false, false, false, false]);
    await expect(all).resolves.toBeUndefined();
  });

  it('rejects with the error of a branch started late', async () => {
    const failure = new Error('inventory failed');
    const callWrites = createCallWrites();
    const all = startInOrder(
      ['reviews', 'inventory'],
      async (name) => {
        if (name === 'reviews') callWrites.noteDispatched();
        else throw failure;
      },
      callWrites,
    );
    await expect(all).rejects.toBe(failure);
  });

  it('rejects with the error of a branch that throws at once, and starts none after it', async () => {
    const failure = new Error('no data source');
    const started: string[] = [];
    const failing = startInOrder(
      ['reviews', 'broken', 'products'],
      (name) => {
        started.push(name);
        if (name === 'broken') throw failure;
        return Promise.resolve();
      },
      createCallWrites(),
    );
    await expect(failing).rejects.toBe(failure);
    expect(started).toEqual(['reviews', 'broken']);
  });
});
