import { priorityClasses, type PriorityClass, type PriorityRules } from '../../config/readProtectionConfig.js';

/** The class of one operation: by its name first, then by its client app, else the default. */
export type PriorityClassifier = (operationName: string | null | undefined, clientName: string) => PriorityClass;

const clientPrefix = 'client:';

/**
 * Builds the classifier of a BFF's priority rules. Operation names match case-insensitively
 * (`createOrder` matches `mutation CreateOrder`); `client:<name>` entries match the client app
 * exactly. Operation names are the client's to choose until documents are persisted, so a class
 * is a scheduling hint, never a grant: rate limits and rules still apply.
 */
export function createPriorityClassifier(rules: PriorityRules, defaultClass: PriorityClass): PriorityClassifier {
  const byOperation = new Map<string, PriorityClass>();
  const byClient = new Map<string, PriorityClass>();
  for (const priority of priorityClasses) {
    for (const entry of rules[priority]) {
      if (entry.startsWith(clientPrefix)) byClient.set(entry.slice(clientPrefix.length), priority);
      else byOperation.set(entry.toLowerCase(), priority);
    }
  }
  return (operationName, clientName) =>
    (operationName ? byOperation.get(operationName.toLowerCase()) : undefined) ??
    byClient.get(clientName) ??
    defaultClass;
}
