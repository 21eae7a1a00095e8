import { describe, expect, it } from 'vitest';
import { privateCacheControl } from './privateCacheControl.js';

describe('privateCacheControl', () => {
  it.each([
    ['max-age=60, public', 'private, max-age=60'],
    ['public, s-maxage=600, max-age=60', 'private, max-age=60'],
    ['PUBLIC,max-age=5', 'private, max-age=5'],
    ['no-store', 'private, no-store'],
    ['private, max-age=10', 'private, max-age=10'],
    [null, 'private'],
    ['', 'private'],
  ])('makes %j private to its viewer: %j', (given, expected) => {
    expect(privateCacheControl(given)).toBe(expected);
  });
});
