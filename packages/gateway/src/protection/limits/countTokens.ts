import { LRUCache } from 'lru-cache';
import { Lexer, Source, TokenKind } from 'graphql';

/** Token counts of recent documents: clients send the same few texts over and over. */
const counted = new LRUCache<string, number>({ max: 1_000 });

/**
 * The lexical tokens of a GraphQL document, as graphql-js's parser counts them for its own
 * `maxTokens` (comments are not tokens). Counting stops at a lexical error: the parser reports
 * it in its own words. A document seen recently is not lexed again.
 */
export function countTokens(source: string): number {
  let count = counted.get(source);
  if (count === undefined) {
    count = lexTokens(source);
    counted.set(source, count);
  }
  return count;
}

function lexTokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // A lexical error: what was counted so far is the measure; parsing will reject the rest.
  }
  return count;
}
