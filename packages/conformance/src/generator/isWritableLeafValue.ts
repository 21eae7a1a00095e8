import { astFromValue, isEnumType, type GraphQLLeafType } from 'graphql';

/**
 * Whether `value` (as a request's variables carry it: an enum by name) is valid for `type` and can
 * also be written as a literal of it. Caller-supplied and harvested values pass through this, as
 * one argument name may mean different types in different places.
 */
export function isWritableLeafValue(type: GraphQLLeafType, value: unknown): boolean {
  if (isEnumType(type)) return typeof value === 'string' && type.getValue(value) !== undefined;
  try {
    return type.parseValue(value) !== undefined && astFromValue(value, type) !== null;
  } catch {
    return false;
  }
}
