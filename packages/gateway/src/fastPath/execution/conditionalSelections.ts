import { Kind, valueFromASTUntyped, visit, type DocumentNode, type OperationDefinitionNode } from 'graphql';

/** The variables the document's @skip and @include directives read: the shape of a response depends on their values. */
export function conditionVariablesOf(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Directive(directive) {
      if (directive.name.value !== 'skip' && directive.name.value !== 'include') return;
      for (const argument of directive.arguments ?? [])
        if (argument.value.kind === Kind.VARIABLE) names.add(argument.value.name.value);
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
