import { describe, expect, it } from 'vitest';
import { shareInFlight } from './shareInFlight.js';

interface Answer {
  readonly items: string[];
}

/** A call the test settles by hand, counting how often it was started. */
function controlledCall() {
  let calls = 0;
  let settle!: { resolve: (value: Answer) => void; reject: (error: Error) => void };
  const run = () => {
    calls += 1;
    return new Promise<Answer>((resolve, reject) => (settle = { resolve, reject }));
  };
  return { run, calls: () => calls, settle: () => settle };
}

describe('shareInFlight', () => {
  it('runs one call for the callers of a key and gives all but the last a copy of its own', async () => {
    let copies = 0;
    const share = shareInFlight<Answer>((answer) => {
      copies += 1;
      return { items: [...answer.items] };
    });
    const call = controlledCall();
    const waiting = [share('k', call.run), share('k', call.run), share('k', call.run)];
    const original = { items: ['a'] };
    call.settle().resolve(original);
    const [first, second, third] = await Promise.all(waiting);

    expect(call.calls()).toBe(1);
    expect(copies).toBe(2);
    expect(third).toBe(original);
    first!.items.push('changed by the first caller');
    expect(second!.items).toEqual(['a']);
    expect(third!.items).toEqual(['a']);
  });

  it('gives a lone caller the answer itself, and runs again once a call has settled', async () => {
    let copies = 0;
    const share = shareInFlight<Answer>((answer) => {
      copies += 1;
      return answer;
    });
    const call = controlledCall();
    const alone = share('k', call.run);
    const original = { items: ['a'] };
    call.settle().resolve(original);
    expect(await alone).toBe(original);
    expect(copies).toBe(0);

    const again = share('k', call.run);
    call.settle().resolve({ items: ['b'] });
    expect(await again).toEqual({ items: ['b'] });
    expect(call.calls()).toBe(2);
  });

  it('runs different keys separately, and rejects every caller of a failed call', async () => {
    const share = shareInFlight<Answer>((answer) => ({ items: [...answer.items] }));
    const first = controlledCall();
    const second = controlledCall();
    const a1 = share('a', first.run);
    const a2 = share('a', first.run);
    const b = share('b', second.run);
    expect([first.calls(), second.calls()]).toEqual([1, 1]);

    first.settle().reject(new Error('reviews is down'));
    second.settle().resolve({ items: ['b'] });
    await expect(a1).rejects.toThrow('reviews is down');
    await expect(a2).rejects.toThrow('reviews is down');
    expect(await b).toEqual({ items: ['b'] });
  });
});
