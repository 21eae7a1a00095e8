import { describe, expect, it } from 'vitest';
import { parseCachePolicy } from './parseCachePolicy.js';

describe('parseCachePolicy', () => {
  it.each([
    ['max-age=60, public', { maxAge: 60, scope: 'PUBLIC' }],
    ['max-age=60', { maxAge: 60, scope: 'PUBLIC' }],
    ['private, max-age=10', { maxAge: 10, scope: 'PRIVATE' }],
    ['Max-Age=30,PRIVATE', { maxAge: 30, scope: 'PRIVATE' }],
    ['max-age="45"', { maxAge: 45, scope: 'PUBLIC' }],
    ['private="set-cookie", max-age=20', { maxAge: 20, scope: 'PRIVATE' }],
    ['max-age=60, max-age=5', { maxAge: 5, scope: 'PUBLIC' }],
    ['max-age=99999999999', { maxAge: 2 ** 31, scope: 'PUBLIC' }],
  ])('reads %j as %j', (header, policy) => {
    expect(parseCachePolicy(header)).toEqual(policy);
  });

  it.each([
    [null],
    [''],
    ['public'],
    ['no-store'],
    ['max-age=60, no-store'],
    ['no-cache, max-age=60'],
    ['max-age=abc'],
    ['max-age=-5'],
    ['max-age=1.5'],
    ['max-age=60, max-age=soon'],
    ['s-maxage=600'],
  ])('makes %j not cacheable: max-age 0', (header) => {
    expect(parseCachePolicy(header)).toEqual({ maxAge: 0, scope: 'PUBLIC' });
  });

  it('ignores s-maxage beside a max-age: the max-age is what the BFF may promise browsers', () => {
    expect(parseCachePolicy('public, s-maxage=600, max-age=60')).toEqual({ maxAge: 60, scope: 'PUBLIC' });
  });

  it('keeps a private answer private even when it may not be cached', () => {
    expect(parseCachePolicy('private, no-store')).toEqual({ maxAge: 0, scope: 'PRIVATE' });
  });
});
