import {
  getNullableType,
  getOperationAST,
  getVariableValues,
  isInputObjectType,
  isLeafType,
  isListType,
  parse,
  TypeInfo,
  validate,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
  type GraphQLInputType,
  type GraphQLLeafType,
  type GraphQLSchema,
} from 'graphql';
import type { GeneratedRequest } from './GeneratedRequest.js';
import type { ArgumentValues } from './InputValueWriter.js';
import { isWritableLeafValue } from './isWritableLeafValue.js';

/**
 * The argument values a fixture's own operations use (literals and sent variables, down to the
 * leaves of lists and input objects), keyed as `arbitraryOperation`'s `argumentValues` are: by
 * schema coordinate (`Query.event(id:)`, `EventFilter.venue`) and by bare name. The ids a hand
 * written operation asks for exist in the fixture's data (or are the unknown ones it means to
 * ask for), so generated operations reach the data instead of nulls. Operations that do not
 * validate, or whose variables do not coerce, are left out: they carry wrong values on purpose.
 */
export function argumentValuesFrom(schema: GraphQLSchema, requests: readonly GeneratedRequest[]): ArgumentValues {
  const values = new Map<string, Map<string, unknown>>();
  const add = (keys: readonly string[], type: GraphQLLeafType, value: unknown) => {
    if (!isWritableLeafValue(type, value)) return;
    for (const key of keys) {
      const known = values.get(key) ?? new Map<string, unknown>();
      known.set(JSON.stringify(value), value);
      values.set(key, known);
    }
  };
  for (const request of requests) {
    let document;
    try {
      document = parse(request.query);
    } catch {
      continue;
    }
    if (validate(schema, document).length > 0) continue;
    const operation = getOperationAST(document, request.operationName);
    if (!operation || getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}).errors)
      continue;
    const typeInfo = new TypeInfo(schema);
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Argument(argument) {
          const definition = typeInfo.getArgument();
          const parent = typeInfo.getParentType();
          const field = typeInfo.getFieldDef();
          if (!definition || !parent || !field || typeInfo.getDirective()) return;
          const value = valueFromASTUntyped(argument.value, request.variables);
          collectLeaves(
            definition.type,
            value,
            [`${parent.name}.${field.name}(${definition.name}:)`, definition.name],
            add,
          );
        },
      }),
    );
  }
  return Object.fromEntries([...values].map(([key, known]) => [key, [...known.values()]]));
}

function collectLeaves(
  type: GraphQLInputType,
  value: unknown,
  keys: readonly string[],
  add: (keys: readonly string[], type: GraphQLLeafType, value: unknown) => void,
): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    for (const item of Array.isArray(value) ? value : [value]) collectLeaves(nullable.ofType, item, keys, add);
  } else if (isInputObjectType(nullable)) {
    if (typeof value !== 'object') return;
    for (const field of Object.values(nullable.getFields())) {
      collectLeaves(
        field.type,
        (value as Record<string, unknown>)[field.name],
        [`${nullable.name}.${field.name}`, field.name],
        add,
      );
    }
  } else if (isLeafType(nullable)) add(keys, nullable, value);
}
