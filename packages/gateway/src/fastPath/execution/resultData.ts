import type { QueryPlanSelectionNode } from '@apollo/query-planner';
import { isAbstractType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';

// The merged result as the executor reads and writes it: the objects at a plan path, an entity's
// representation for a fetch, and @apollo/gateway's deep merge of a fetch's answer into it.

/** The objects at `path` below `value`, lists flattened at each '@' (as @apollo/gateway's flattenResultsAtPath). */
export function flattenAtPath(value: unknown, path: readonly (string | number)[], from = 0): unknown {
  const current = path[from];
  if (current === undefined || value === null || value === undefined) return value;
  if (current !== '@')
    return flattenAtPath(
      Object.hasOwn(value, current) ? (value as Record<string, unknown>)[current] : undefined,
      path,
      from + 1,
    );
  const flattened: unknown[] = [];
  for (const element of value as unknown[]) {
    const found = flattenAtPath(element, path, from + 1);
    if (Array.isArray(found)) for (const item of found) flattened.push(item);
    else flattened.push(found);
  }
  return flattened;
}

/** An entity's representation for a fetch's `requires`: null when a required field is missing. */
export function selectRepresentation(
  schema: GraphQLSchema,
  source: Record<string, unknown> | null,
  selections: readonly QueryPlanSelectionNode[],
): Record<string, unknown> | null {
  if (source === null) return null;
  const result: Record<string, unknown> = {};
  for (const selection of selections) {
    if (selection.kind === 'Field') {
      const responseName = selection.alias ?? selection.name;
      const value = Object.hasOwn(source, responseName) ? source[responseName] : undefined;
      if (value === undefined) return null;
      const nested = selection.selections;
      if (Array.isArray(value))
        result[responseName] = value.map((element: unknown) =>
          nested ? selectRepresentation(schema, element as Record<string, unknown>, nested) : element,
        );
      else
        result[responseName] = nested ? selectRepresentation(schema, value as Record<string, unknown>, nested) : value;
    } else if (selection.typeCondition && isObjectOfType(schema, source, selection.typeCondition)) {
      deepMerge(result, selectRepresentation(schema, source, selection.selections));
    }
  }
  return result;
}

function isObjectOfType(schema: GraphQLSchema, object: Record<string, unknown>, typeCondition: string): boolean {
  const typename = object['__typename'];
  if (typeof typename !== 'string') return false;
  if (typename === typeCondition) return true;
  const type = schema.getType(typename);
  const condition = schema.getType(typeCondition);
  return (
    !!type &&
    !!condition &&
    isAbstractType(condition) &&
    (isObjectType(type) || isInterfaceType(type)) &&
    schema.isSubType(condition, type)
  );
}

/** @apollo/gateway's deepMerge: objects merged key by key, lists of equal length element by element. */
export function deepMerge(
  target: Record<string, unknown>,
  source: Record<string, unknown> | null | undefined,
): Record<string, unknown> {
  if (source === undefined || source === null) return target;
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value === undefined) continue;
    const existing = target[key];
    if (existing && isPlainObject(value)) {
      deepMerge(existing as Record<string, unknown>, value);
    } else if (Array.isArray(value) && Array.isArray(existing) && value.length === existing.length) {
      const items: unknown[] = value;
      const existingItems: unknown[] = existing;
      for (let index = 0; index < items.length; index += 1) {
        if (isPlainObject(existingItems[index]) && isPlainObject(items[index]))
          deepMerge(existingItems[index] as Record<string, unknown>, items[index] as Record<string, unknown>);
        else existingItems[index] = items[index];
      }
    } else {
      target[key] = value;
    }
  }
  return target;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
