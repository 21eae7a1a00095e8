import { GraphQLIncludeDirective, GraphQLSkipDirective, Kind, getDirectiveValues, type DirectiveNode } from 'graphql';

/** A selection, a fragment spread or an inline fragment: whatever directives may sit on. */
type WithDirectives = { readonly directives?: readonly DirectiveNode[] | undefined };

/** Whether @skip/@include leave `node` in for these variables (graphql-js's reading of them). */
export function isIncluded(node: WithDirectives, variables: Readonly<Record<string, unknown>>): boolean {
  if (!node.directives?.length) return true;
  const values = variables as Record<string, unknown>;
  if (getDirectiveValues(GraphQLSkipDirective, node, values)?.['if'] === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, values)?.['if'] !== false;
}

/** Whether `node` is deferred for these variables: it has @defer, and its `if` is not false. */
export function isDeferred(node: WithDirectives, variables: Readonly<Record<string, unknown>>): boolean {
  const defer = node.directives?.find((directive) => directive.name.value === 'defer');
  if (!defer) return false;
  const condition = defer.arguments?.find((argument) => argument.name.value === 'if')?.value;
  if (!condition) return true;
  if (condition.kind === Kind.BOOLEAN) return condition.value;
  if (condition.kind === Kind.VARIABLE) return variables[condition.name.value] !== false;
  return true;
}

/** The static label of an @defer, if it has one. */
export function labelOf(defer: DirectiveNode): string | undefined {
  const value = defer.arguments?.find((argument) => argument.name.value === 'label')?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
}
