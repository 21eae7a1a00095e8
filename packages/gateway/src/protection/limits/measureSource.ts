import { LRUCache } from 'lru-cache';
import { Kind, parse } from 'graphql';
import { measureDocument, type DocumentMeasures } from './measureDocument.js';

/** The measures of a document text, and the name its log line gives it. */
export interface SourceMeasures extends DocumentMeasures {
  /** The name of the document's only operation, if it has one operation and that one is named. */
  readonly operationName: string | undefined;
}

/** What is kept for a text that does not parse (a cache holds no undefined). */
const unmeasured = { none: true } as const;
/** Measures of recent documents: clients send the same few texts over and over. */
const measured = new LRUCache<string, SourceMeasures | typeof unmeasured>({ max: 1_000 });

/**
 * The schema-free measures of a document text ({@link measureDocument}), parsed for them alone;
 * undefined when it does not parse (Apollo Server then reports the syntax error in its own
 * words). Call it once the text's size and tokens are known to be under their limits: parsing is
 * linear in them. A text seen recently is not parsed again.
 *
 * Why parse, rather than count on the lexer's tokens as countTokens does: telling an alias
 * (`name:` in a selection) from an argument, a selection set from an input object, an inline
 * fragment from a spread, and following spreads into fragments for depth, is a parser's work; a
 * token-level imitation would be a second, subtly different GraphQL parser. graphql-js's parser
 * costs a few times its lexer, once per distinct text, and what it saves (validation of a
 * document that is refused anyway, and an error per unknown field or directive) costs more.
 */
export function measureSource(source: string): SourceMeasures | undefined {
  let measures = measured.get(source);
  if (measures === undefined) {
    measures = parseAndMeasure(source) ?? unmeasured;
    measured.set(source, measures);
  }
  return 'none' in measures ? undefined : measures;
}

function parseAndMeasure(source: string): SourceMeasures | undefined {
  try {
    const document = parse(source, { noLocation: true });
    const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    return { ...measureDocument(document), operationName: operations.length === 1 ? operations[0]?.name?.value : undefined };
  } catch {
    // A syntax error; or, past tens of thousands of tokens, nesting deeper than the stack. Either
    // is left to Apollo Server's parser and validation, and the measures after validation.
    return undefined;
  }
}
