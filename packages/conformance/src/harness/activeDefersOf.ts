import {
  getDirectiveValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isCompositeType,
  isObjectType,
  Kind,
  parse,
  type DirectiveNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import type { ConformanceRequest } from './ConformanceRequest.js';

/** An `@defer` the executed operation reaches with its `if` not false (once per place a named fragment lands). */
export interface ActiveDefer {
  readonly label: string | undefined;
  /**
   * Whether the answer without `@defer` shows an object the fragment applies to where it is, and the fragment selects
   * a field: then a server that defers sends a part for it. False also when that cannot be told (a type condition on
   * an abstract type's object whose `__typename` the answer lacks; under `__schema` or `__type`).
   */
  readonly parentExists: boolean;
  /** Inside another active `@defer` (a server may answer it in the outer one's part). */
  readonly nested: boolean;
}

type ResponseObject = Record<string, unknown>;

/**
 * The active `@defer`s of `request`'s operation (`@skip`/`@include` and `if` decided with its variables), and whether
 * their objects exist in `data`, the answer to the same operation without `@defer`.
 */
export function activeDefersOf(schema: GraphQLSchema, request: ConformanceRequest, data: unknown): ActiveDefer[] {
  const document = parse(request.query);
  const operation = getOperationAST(document, request.operationName);
  const rootType = operation && schema.getRootType(operation.operation);
  if (!operation || !rootType) return [];
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
  const variables = coerced.coerced ?? {};
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const found: ActiveDefer[] = [];

  const included = (node: SelectionNode) =>
    getDirectiveValues(GraphQLSkipDirective, node, variables)?.['if'] !== true &&
    getDirectiveValues(GraphQLIncludeDirective, node, variables)?.['if'] !== false;

  /** Whether a fragment on `condition` applies to `object`, selected as a `parent`: undefined when unknown. */
  const appliesTo = (condition: GraphQLCompositeType, parent: GraphQLCompositeType, object: ResponseObject) => {
    const possible = isAbstractType(parent) ? schema.getPossibleTypes(parent) : [parent];
    const covers = (type: GraphQLCompositeType) =>
      type === condition || (isAbstractType(condition) && isObjectType(type) && schema.isSubType(condition, type));
    if (possible.every(covers)) return true;
    const runtime = typeof object['__typename'] === 'string' ? schema.getType(object['__typename']) : undefined;
    return isObjectType(runtime) && covers(runtime);
  };

  /** Whether a selection set selects a field once `@skip`/`@include` are applied (fragments followed). */
  const selectsAField = (selectionSet: SelectionSetNode): boolean =>
    selectionSet.selections.some((selection) => {
      if (!included(selection)) return false;
      if (selection.kind === Kind.FIELD) return true;
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
      return fragment !== undefined && selectsAField(fragment.selectionSet);
    });

  const walk = (
    selectionSet: SelectionSetNode,
    type: GraphQLCompositeType,
    objects: readonly ResponseObject[],
    nested: boolean,
  ): void => {
    for (const selection of selectionSet.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const field = 'getFields' in type ? type.getFields()[selection.name.value] : undefined;
        const fieldType = field && getNamedType(field.type);
        if (!selection.selectionSet || !isCompositeType(fieldType)) continue;
        const key = (selection.alias ?? selection.name).value;
        walk(
          selection.selectionSet,
          fieldType,
          objects.flatMap((object) => objectsIn(object[key])),
          nested,
        );
        continue;
      }
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
      if (!fragment) continue;
      const conditionType = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
      if (!isCompositeType(conditionType)) continue;
      const applicable = objects.filter((object) => appliesTo(conditionType, type, object));
      const defer = activeDefer(selection.directives, variables);
      if (defer)
        found.push({
          label: defer.label,
          parentExists: applicable.length > 0 && selectsAField(fragment.selectionSet),
          nested,
        });
      walk(fragment.selectionSet, conditionType, applicable, nested || defer !== undefined);
    }
  };

  walk(operation.selectionSet, rootType, objectsIn(data), false);
  return found;
}

/** The objects a response value holds: itself, or the items of a list (nested lists too); nulls left out. */
function objectsIn(value: unknown): ResponseObject[] {
  if (Array.isArray(value)) return value.flatMap(objectsIn);
  return value !== null && typeof value === 'object' ? [value as ResponseObject] : [];
}

/** The `@defer` of a fragment when its `if` is not false: its label. */
function activeDefer(
  directives: readonly DirectiveNode[] | undefined,
  variables: Readonly<Record<string, unknown>>,
): { label: string | undefined } | undefined {
  const defer = directives?.find((directive) => directive.name.value === 'defer');
  if (!defer) return undefined;
  const argument = (name: string) => defer.arguments?.find((candidate) => candidate.name.value === name)?.value;
  const condition = argument('if');
  if (condition?.kind === Kind.BOOLEAN && !condition.value) return undefined;
  if (condition?.kind === Kind.VARIABLE && variables[condition.name.value] === false) return undefined;
  const label = argument('label');
  return { label: label?.kind === Kind.STRING ? label.value : undefined };
}
