import { LRUCache } from 'lru-cache';
import { Kind, parse } from 'graphql';
import { countTokens } from './countTokens.js';
import { measureDocument, type DocumentMeasures } from './measureDocument.js';

/** The measures of a document text, and the name its log line gives it. */
export interface SourceMeasures extends DocumentMeasures {
  /** The name of the document's only operation, if it has one operation and that one is named. */
  readonly operationName: string | undefined;
}

/** What a BFF knows of a document text before validation: its tokens, and its measures once asked. */
export interface SourceFacts {
  readonly tokens: number;
  /**
   * The schema-free measures of the text ({@link measureDocument}), parsed for them alone on the
   * first call; undefined when it does not parse (Apollo Server then reports the syntax error in
   * its own words). Ask once the text's size and tokens are known to be under their limits:
   * parsing is linear in them.
   */
  measures(): SourceMeasures | undefined;
}

/**
 * The facts of document texts, each counted (and, when asked, parsed) once while it is among the
 * `maxTexts` most recent. @param maxTexts @default 1000
 *
 * Why parse, rather than count on the lexer's tokens as countTokens does: telling an alias
 * (`name:` in a selection) from an argument, a selection set from an input object, an inline
 * fragment from a spread, and following spreads into fragments for depth, is a parser's work; a
 * token-level imitation would be a second, subtly different GraphQL parser. graphql-js's parser
 * costs a few times its lexer, once per distinct text, and what it saves (validation of a
 * document that is refused anyway, and an error per unknown field or directive) costs more.
 */
export function createSourceFacts(maxTexts = 1_000): (source: string) => SourceFacts {
  // One entry per recent text: clients send the same few texts over and over.
  const known = new LRUCache<string, SourceFacts>({ max: maxTexts });
  return (source) => {
    let facts = known.get(source);
    if (!facts) {
      let measured: { readonly value: SourceMeasures | undefined } | undefined;
      facts = { tokens: countTokens(source), measures: () => (measured ??= { value: parseAndMeasure(source) }).value };
      known.set(source, facts);
    }
    return facts;
  };
}

function parseAndMeasure(source: string): SourceMeasures | undefined {
  try {
    const document = parse(source, { noLocation: true });
    const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    return {
      ...measureDocument(document),
      operationName: operations.length === 1 ? operations[0]?.name?.value : undefined,
    };
  } catch {
    // A syntax error; or, past tens of thousands of tokens, nesting deeper than the stack. Either
    // is left to Apollo Server's parser and validation, and the measures after validation.
    return undefined;
  }
}
