import { describe, expect, it } from 'vitest';
import { prefersHtml } from './prefersHtml.js';

describe('prefersHtml', () => {
  it.each([
    ['a browser navigating', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', true],
    ['HTML over JSON by quality', 'application/json;q=0.5, text/html', true],
    ['a GraphQL client', 'application/graphql-response+json, application/json;q=0.9', false],
    ['curl', '*/*', false],
    ['no Accept header', undefined, false],
    ['HTML and JSON tied', 'text/html, application/json', false],
    ['HTML refused', 'text/html;q=0', false],
    ['a quality that is no number', 'text/html;q=high', false],
  ])('%s: %s → %s', (_client, accept, expected) => {
    expect(prefersHtml(accept)).toBe(expected);
  });
});
