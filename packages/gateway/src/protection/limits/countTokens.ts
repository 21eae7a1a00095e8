import { Lexer, Source, TokenKind } from 'graphql';

/**
 * The lexical tokens of a GraphQL document, as graphql-js's parser counts them for its own
 * `maxTokens` (comments are not tokens). Counting stops at a lexical error: the parser reports
 * it in its own words.
 */
export function countTokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // A lexical error: what was counted so far is the measure; parsing will reject the rest.
  }
  return count;
}
