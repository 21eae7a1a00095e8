import { Kind, valueFromASTUntyped, visit, type DocumentNode, type OperationDefinitionNode } from 'graphql';

/** Directives whose `if` a query plan may branch on (Condition nodes). */
const conditionalDirectives = new Set(['skip', 'include', 'defer']);

/**
 * The variables the document's @skip, @include and @defer directives read: the shape of a response depends on
 * the first two's values, and which of its plan's branches runs on all three.
 */
export function conditionVariablesOf(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Directive(directive) {
      if (!conditionalDirectives.has(directive.name.value)) return;
      for (const argument of directive.arguments ?? [])
        if (argument.name.value === 'if' && argument.value.kind === Kind.VARIABLE) names.add(argument.value.name.value);
    },
  });
  return [...names];
}

/** The values of `names` in a request: its variables over the operation's defaults. */
export function conditionValuesOf(
  operation: OperationDefinitionNode,
  names: readonly string[],
  variables: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name of names) {
    const definition = operation.variableDefinitions?.find((candidate) => candidate.variable.name.value === name);
    values[name] =
      variables[name] ?? (definition?.defaultValue ? valueFromASTUntyped(definition.defaultValue) : undefined);
  }
  return values;
}
