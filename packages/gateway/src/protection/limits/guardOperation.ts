import type { OperationLimits } from '../../config/readProtectionConfig.js';
import { OperationTooComplexError } from '../../errors/BffError.js';
import type { SourceFacts } from './measureSource.js';
import type { DocumentMeasures } from './measureDocument.js';
import type { OperationMeasures } from './measureOperation.js';

/** One limit: what the message calls the measure, and what the client can do about it. */
interface Limit {
  readonly measure: string;
  readonly advice: string;
}

const limits = {
  documentBytes: { measure: 'size in bytes', advice: 'Send a shorter document.' },
  tokens: { measure: 'token count', advice: 'Send a shorter document.' },
  depth: { measure: 'depth', advice: 'Select fewer nested levels.' },
  aliases: { measure: 'alias count', advice: 'Use fewer aliases.' },
  rootFields: { measure: 'root field count', advice: 'Split it into several operations.' },
  directives: { measure: 'directive count', advice: 'Use fewer directives.' },
  cost: { measure: 'estimated cost', advice: 'Ask for fewer items (first, last, limit) or fewer nested lists.' },
} as const satisfies Record<string, Limit>;

/** The message of a measure over its limit: it names the limit, the measured value and the bound. */
export function tooComplexMessage(limit: keyof typeof limits, measured: number, max: number): string {
  return (
    `Operation rejected: its ${limits[limit].measure} is ${measured}, over the limit of ${max}. ` + limits[limit].advice
  );
}

function check(limit: keyof typeof limits, measured: number, max: number): void {
  if (measured > max) throw new OperationTooComplexError(tooComplexMessage(limit, measured, max));
}

/**
 * guardOperation, before parsing: the document's size, then its tokens (counted once per
 * distinct text, createSourceFacts; counting is linear in the size, which is checked first). Throws
 * OperationTooComplexError; returns the text's facts.
 */
export function guardSource(
  source: string,
  factsOf: (source: string) => SourceFacts,
  operationLimits: OperationLimits,
): SourceFacts {
  check('documentBytes', Buffer.byteLength(source), operationLimits.maxDocumentBytes);
  const facts = factsOf(source);
  check('tokens', facts.tokens, operationLimits.maxTokens);
  return facts;
}

/**
 * guardOperation, before validation: the measures of the document alone (depth, aliases, root
 * fields, directives), so that one over a limit gets this one error rather than one per unknown
 * field or directive. Throws OperationTooComplexError.
 */
export function guardDocument(measures: DocumentMeasures, operationLimits: OperationLimits): void {
  check('depth', measures.depth, operationLimits.maxDepth);
  check('aliases', measures.aliases, operationLimits.maxAliases);
  check('rootFields', measures.rootFields, operationLimits.maxRootFields);
  check('directives', measures.directives, operationLimits.maxDirectives);
}

/**
 * guardOperation, after validation: the document's measures again (for a document the HTTP layer
 * never saw: a persisted query sent by its hash alone), then the estimated cost, which needs the
 * schema and the variables. Throws OperationTooComplexError.
 */
export function guardMeasures(measures: OperationMeasures, operationLimits: OperationLimits): void {
  guardDocument(measures, operationLimits);
  check('cost', measures.cost, operationLimits.maxCost);
}
