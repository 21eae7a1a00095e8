import { Lexer, Source, TokenKind } from 'graphql';

/**
 * The lexical tokens of a GraphQL document, as graphql-js's parser counts them for its own
 * `maxTokens` (comments are not tokens). Counting stops at a lexical error: what was counted so
 * far is the measure; the parser reports the error in its own words. (Kept per text with the
 * text's other measures: createSourceFacts.)
 */
export function countTokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // A lexical error: parsing will reject the rest.
  }
  return count;
}
