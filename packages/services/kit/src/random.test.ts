import { describe, expect, it } from 'vitest';
import { createRandom } from './random.js';
import { productUpcs, userIds } from './ids.js';

describe('createRandom', () => {
  it('yields the same sequence for the same seed', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random.int(1, 1000));
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('keeps int within both inclusive bounds and reaches each of them', () => {
    const random = createRandom(7);
    const seen = new Set(Array.from({ length: 200 }, () => random.int(1, 3)));
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });

  it('shuffles a copy and leaves the input untouched', () => {
    const items = [1, 2, 3, 4, 5, 6];
    const shuffled = createRandom(1).shuffle(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...shuffled].sort()).toEqual(items);
  });
});

describe('id conventions', () => {
  it('numbers users from 1 and products from 100001', () => {
    expect(userIds()).toHaveLength(300);
    expect(userIds().slice(0, 2)).toEqual(['1', '2']);
    expect(userIds().at(-1)).toBe('300');
    expect(productUpcs()).toHaveLength(240);
    expect(productUpcs()[0]).toBe('100001');
    expect(productUpcs().at(-1)).toBe('100240');
  });
});
