import { Kind, valueFromASTUntyped, visit, type DocumentNode, type OperationDefinitionNode, type SelectionNode } from 'graphql';

/** False when @skip or @include leave the selection out, for these variable values. */
export function isConditionallyIncluded(selection: SelectionNode, variables: Readonly<Record<string, unknown>>): boolean {
  const directives = selection.directives;
  if (!directives || directives.length === 0) return true;
  for (const directive of directives) {
    const name = directive.name.value;
    if (name !== 'skip' && name !== 'include') continue;
    const argument = directive.arguments?.find((candidate) => candidate.name.value === 'if');
    const value = argument ? valueFromASTUntyped(argument.value, variables as Record<string, unknown>) : false;
    if (name === 'skip' ? value === true : value !== true) return false;
  }
  return true;
}

/** The variables the document's @skip and @include directives read: the shape of a response depends on their values. */
export function conditionVariablesOf(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Directive(directive) {
      if (directive.name.value !== 'skip' && directive.name.value !== 'include') return;
      for (const argument of directive.arguments ?? []) if (argument.value.kind === Kind.VARIABLE) names.add(argument.value.name.value);
    },
  });
  return [...names];
}

/** The values of `names` in a request: its variables over the operation's defaults. */
export function conditionValuesOf(operation: OperationDefinitionNode, names: readonly string[], variables: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name of names) {
    const definition = operation.variableDefinitions?.find((candidate) => candidate.variable.name.value === name);
    values[name] = variables[name] ?? (definition?.defaultValue ? valueFromASTUntyped(definition.defaultValue) : undefined);
  }
  return values;
}
