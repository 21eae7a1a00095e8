import { describe, expect, it } from 'vitest';
import { createSingleCallLoader } from './createSingleCallLoader.js';

/** A fetchOne whose calls stay open until the test releases them, recording the order they started in. */
function heldCalls() {
  const started: string[] = [];
  const pending = new Map<string, { resolve: (value: string) => void; reject: (error: Error) => void }>();
  let open = 0;
  let mostOpen = 0;
  const fetchOne = (key: string) =>
    new Promise<string>((resolve, reject) => {
      started.push(key);
      open += 1;
      mostOpen = Math.max(mostOpen, open);
      const done = () => (open -= 1);
      pending.set(key, {
        resolve: (value) => {
          done();
          resolve(value);
        },
        reject: (error) => {
          done();
          reject(error);
        },
      });
    });
  return { fetchOne, started, pending, mostOpen: () => mostOpen };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('createSingleCallLoader', () => {
  it('runs at most `concurrency` calls at once, starting the next key as one settles', async () => {
    const calls = heldCalls();
    const loader = createSingleCallLoader(2, calls.fetchOne);
    const results = loader.loadMany(['a', 'b', 'c', 'd']);
    await settle();
    expect(calls.started).toEqual(['a', 'b']);
    calls.pending.get('b')!.resolve('B');
    await settle();
    expect(calls.started).toEqual(['a', 'b', 'c']);
    calls.pending.get('a')!.resolve('A');
    calls.pending.get('c')!.resolve('C');
    await settle();
    calls.pending.get('d')!.resolve('D');
    expect(await results).toEqual(['A', 'B', 'C', 'D']);
    expect(calls.mostOpen()).toBe(2);
  });

  it('fetches a key asked for twice once, and a failed key fails alone', async () => {
    const calls = heldCalls();
    const loader = createSingleCallLoader(4, calls.fetchOne);
    const results = loader.loadMany(['x', 'y', 'x']);
    await settle();
    expect(calls.started).toEqual(['x', 'y']);
    calls.pending.get('x')!.reject(new Error('x is gone'));
    calls.pending.get('y')!.resolve('Y');
    const [first, second, third] = await results;
    expect((first as Error).message).toBe('x is gone');
    expect(second).toBe('Y');
    expect(third).toBe(first);
  });

  it('turns a call that throws before returning a promise into that key’s error', async () => {
    const loader = createSingleCallLoader(1, (key) => {
      if (key === 'bad') throw new Error('no such key');
      return Promise.resolve(key.toUpperCase());
    });
    const [bad, good] = await loader.loadMany(['bad', 'ok']);
    expect((bad as Error).message).toBe('no such key');
    expect(good).toBe('OK');
  });
});
