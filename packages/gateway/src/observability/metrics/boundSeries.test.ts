import { describe, expect, it } from 'vitest';
import { boundSeries } from './boundSeries.js';

describe('boundSeries', () => {
  it('binds each distinct set of label values once and hands the same series back after', () => {
    const bound: string[] = [];
    const series = boundSeries(
      ['client', 'operation'],
      (labels) => (bound.push(`${labels['client']!}/${labels['operation']!}`), { labels: { ...labels } }),
    );
    const first = series({ client: 'web', operation: 'ProductPage' });
    expect(series({ client: 'web', operation: 'ProductPage', extra: 'ignored' })).toBe(first);
    expect(series({ client: 'web', operation: 'Feed' })).not.toBe(first);
    expect(series({ client: 'mobile', operation: 'ProductPage' })).not.toBe(first);
    // Values that a joined key could confuse stay apart.
    expect(series({ client: 'a","b', operation: 'c' })).not.toBe(series({ client: 'a', operation: 'b","c' }));
    expect(bound).toEqual(['web/ProductPage', 'web/Feed', 'mobile/ProductPage', 'a","b/c', 'a/b","c']);
    expect(first.labels).toEqual({ client: 'web', operation: 'ProductPage' });
  });

  it('binds a metric without labels once', () => {
    let binds = 0;
    const series = boundSeries([], () => ({ bound: (binds += 1) }));
    expect(series({})).toBe(series({}));
    expect(binds).toBe(1);
  });
});
