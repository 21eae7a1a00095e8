import { describe, expect, it } from 'vitest';
import { perRequest } from './perRequest.js';

describe('perRequest', () => {
  it('makes a state once per context, and a state per factory', () => {
    const made: string[] = [];
    const loaders = perRequest((context: { id: string }) => (made.push(`loader ${context.id}`), { of: context.id }));
    const counters = perRequest((context: { id: string }) => (made.push(`counter ${context.id}`), { count: 0 }));
    const first = { id: 'a' };
    const second = { id: 'b' };
    expect(loaders(first)).toBe(loaders(first));
    expect(loaders(first)).toEqual({ of: 'a' });
    expect(loaders(second)).toEqual({ of: 'b' });
    expect(loaders(second)).not.toBe(loaders(first));
    counters(first).count += 1;
    expect(counters(first).count).toBe(1);
    expect(made).toEqual(['loader a', 'loader b', 'counter a']);
  });

  it('adds no enumerable property to the context (a logged or spread context stays as it was)', () => {
    const loaders = perRequest(() => ({ loaded: true }));
    const context = { requestId: 'r1' };
    loaders(context);
    expect(Object.keys(context)).toEqual(['requestId']);
    expect({ ...context }).toEqual({ requestId: 'r1' });
  });
});
