import {
  astFromValue,
  GraphQLNonNull,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  print,
  type GraphQLInputField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLLeafType,
  type GraphQLNullableType,
} from 'graphql';
import type { Choices } from './Choices.js';
import { isWritableLeafValue } from './isWritableLeafValue.js';
import type { VariableTable } from './VariableTable.js';

/**
 * Values caller-supplied per place, looked up by the first of a place's keys present: for an
 * argument its schema coordinate `Type.field(arg:)` then its name; for an input field
 * `Input.field` then its name. Each value is one of the place's leaf values (a list draws each item).
 */
export type ArgumentValues = Readonly<Record<string, readonly unknown[]>>;

/** Below this many levels of lists and input objects, values stop growing (empty lists, required fields only). */
const maxInputDepth = 3;

const builtInScalars = new Set(['Int', 'Float', 'String', 'ID', 'Boolean']);
const defaultStrings = ['a', 'b', ''];
const defaultIds = ['1', '2', 'unknown'];
const defaultFloats = [0, 1.5, -2.25];

type NullableInputType = GraphQLInputType & GraphQLNullableType;

/** What a value is written into, for its place's caller-supplied values and its variable's name. */
export interface InputPlace {
  /** Keys of `ArgumentValues`, the most specific first. */
  readonly keys: readonly string[];
  /** The base of a variable's name made for this place (`upc` → `$upc1`). */
  readonly variableBase: string;
}

/** Collects the variables a written value uses. */
export type UsedVariables = string[];

/**
 * Writes argument values for places of a schema: literals (maybe with variables inside) and the
 * variables' definitions and sent values, all valid for their types (graphql-js ValuesOfCorrectType,
 * VariablesInAllowedPosition, getVariableValues).
 */
export class InputValueWriter {
  constructor(
    private readonly choices: Choices,
    private readonly variables: VariableTable,
    private readonly argumentValues: ArgumentValues,
  ) {}

  /**
   * Whether a value of `type` can be written: a custom scalar needs caller-supplied values, null
   * needs a nullable type.
   */
  canProduce(type: GraphQLInputType, place: InputPlace, visiting: Set<string> = new Set()): boolean {
    if (!isNonNullType(type)) return true;
    const inner = type.ofType;
    if (isListType(inner)) return true;
    if (isInputObjectType(inner)) {
      if (visiting.has(inner.name)) return false;
      visiting.add(inner.name);
      const fields = Object.values(inner.getFields());
      const producible = inner.isOneOf
        ? fields.some((field) => this.canProduce(nonNullOf(field.type), fieldPlace(inner, field), visiting))
        : fields
            .filter(isRequiredInputField)
            .every((field) => this.canProduce(field.type, fieldPlace(inner, field), visiting));
      visiting.delete(inner.name);
      return producible;
    }
    if (this.suppliedValues(inner, place) !== undefined) return true;
    return isEnumType(inner) ? inner.getValues().length > 0 : builtInScalars.has(inner.name);
  }

  /** A literal of `type` for an argument, sometimes a variable, variables perhaps inside; `canProduce` was true. */
  argument(type: GraphQLInputType, place: InputPlace, used: UsedVariables): string {
    return this.literal(type, place, 0, true, used);
  }

  /**
   * A variable to use where `location` is expected: one made for the same type before, or a new one
   * whose type, default and sent value follow AllVariableUsagesAreAllowed and never send null where
   * null is not allowed.
   */
  variable(location: GraphQLInputType, place: InputPlace, used: UsedVariables): string {
    const locationText = String(location);
    const usable = this.variables.usableAt(locationText);
    if (usable.length > 0 && this.choices.chance(25)) return useName(this.choices.pick(usable).name, used);
    const name = this.variables.freshName(place.variableBase);
    const noVariables: UsedVariables = [];
    if (isNonNullType(location)) {
      if (this.choices.chance(30)) {
        // Nullable variable, non-null default: allowed in a non-null place; never sent as null.
        const defaultText = this.literal(location, place, 0, false, noVariables);
        const sent = this.choices.chance(50) ? undefined : { value: this.value(location, place, 0) };
        this.variables.add({ name, typeText: String(location.ofType), locationText, defaultText, sent });
      } else {
        const defaultText = this.choices.chance(25) ? this.literal(location, place, 0, false, noVariables) : undefined;
        const sent =
          defaultText !== undefined && this.choices.chance(50) ? undefined : { value: this.value(location, place, 0) };
        this.variables.add({ name, typeText: locationText, locationText, defaultText, sent });
      }
    } else if (this.canProduce(nonNullOf(location), place) && this.choices.chance(25)) {
      // A non-null variable may fill a nullable place.
      const nonNull = nonNullOf(location);
      const defaultText = this.choices.chance(25) ? this.literal(nonNull, place, 0, false, noVariables) : undefined;
      const sent =
        defaultText !== undefined && this.choices.chance(50) ? undefined : { value: this.value(nonNull, place, 0) };
      this.variables.add({ name, typeText: String(nonNull), locationText, defaultText, sent });
    } else {
      const defaultText = this.choices.chance(35) ? this.literal(location, place, 0, false, noVariables) : undefined;
      const sent = this.choices.weighted<{ value: unknown } | undefined>([
        [6, { value: this.value(location, place, 0) }],
        [2, { value: null }],
        [2, undefined],
      ]);
      this.variables.add({ name, typeText: locationText, locationText, defaultText, sent });
    }
    return useName(name, used);
  }

  private literal(
    type: GraphQLInputType,
    place: InputPlace,
    depth: number,
    allowVariables: boolean,
    used: UsedVariables,
  ): string {
    if (allowVariables && this.choices.chance(depth === 0 ? 35 : 10)) return `$${this.variable(type, place, used)}`;
    if (isNonNullType(type)) return this.nonNullLiteral(type.ofType, place, depth, allowVariables, used);
    if (depth >= maxInputDepth || !this.canProduce(nonNullOf(type), place) || this.choices.chance(15)) return 'null';
    return this.nonNullLiteral(type, place, depth, allowVariables, used);
  }

  private nonNullLiteral(
    type: NullableInputType,
    place: InputPlace,
    depth: number,
    allowVariables: boolean,
    used: UsedVariables,
  ): string {
    if (isListType(type)) {
      const item = type.ofType;
      if (depth >= maxInputDepth || !this.canProduce(item, place)) return '[]';
      // A single item where a list is expected is coerced to a list of one: a case clients rely on.
      if (this.choices.chance(15)) return this.nonNullLiteral(nullableOf(item), place, depth + 1, false, used);
      const items = Array.from({ length: this.choices.integer(0, 3) }, () =>
        this.literal(item, place, depth + 1, allowVariables, used),
      );
      return `[${items.join(', ')}]`;
    }
    if (isInputObjectType(type)) {
      const fieldAllowsVariables = allowVariables && !type.isOneOf;
      const fields = this.chosenFields(type, depth).map(
        ({ field, value }) =>
          `${field.name}: ${this.literal(value, fieldPlace(type, field), depth + 1, fieldAllowsVariables, used)}`,
      );
      return `{${fields.join(', ')}}`;
    }
    const value = this.leafValue(type, place);
    if (isEnumType(type)) return String(value);
    const ast = astFromValue(value, type);
    if (ast === null || ast === undefined)
      throw new TypeError(`cannot write ${JSON.stringify(value)} as a literal of ${type.name}`);
    return print(ast);
  }

  /** A value of `type` as a request's variables carry it (JSON; enums by name). */
  private value(type: GraphQLInputType, place: InputPlace, depth: number): unknown {
    if (isNonNullType(type)) return this.nonNullValue(type.ofType, place, depth);
    if (depth >= maxInputDepth || !this.canProduce(nonNullOf(type), place) || this.choices.chance(15)) return null;
    return this.nonNullValue(type, place, depth);
  }

  private nonNullValue(type: NullableInputType, place: InputPlace, depth: number): unknown {
    if (isListType(type)) {
      const item = type.ofType;
      if (depth >= maxInputDepth || !this.canProduce(item, place)) return [];
      if (this.choices.chance(15)) return this.nonNullValue(nullableOf(item), place, depth + 1);
      return Array.from({ length: this.choices.integer(0, 3) }, () => this.value(item, place, depth + 1));
    }
    if (isInputObjectType(type)) {
      return Object.fromEntries(
        this.chosenFields(type, depth).map(({ field, value }) => [
          field.name,
          this.value(value, fieldPlace(type, field), depth + 1),
        ]),
      );
    }
    return this.leafValue(type, place);
  }

  /**
   * The fields of an input object to write, each with the type to write it as: required ones, some
   * others; one of a @oneOf.
   */
  private chosenFields(
    type: GraphQLInputObjectType,
    depth: number,
  ): { field: GraphQLInputField; value: GraphQLInputType }[] {
    const fields = Object.values(type.getFields());
    if (type.isOneOf) {
      const producible = fields.filter((field) => this.canProduce(nonNullOf(field.type), fieldPlace(type, field)));
      const field = this.choices.pick(producible);
      return [{ field, value: nonNullOf(field.type) }];
    }
    return fields
      .filter(
        (field) =>
          isRequiredInputField(field) ||
          (depth < maxInputDepth && this.canProduce(field.type, fieldPlace(type, field)) && this.choices.chance(40)),
      )
      .map((field) => ({ field, value: field.type }));
  }

  private leafValue(type: GraphQLLeafType, place: InputPlace): unknown {
    const supplied = this.suppliedValues(type, place);
    if (supplied !== undefined) return this.choices.pick(supplied);
    if (isEnumType(type)) return this.choices.pick(type.getValues()).name;
    switch (type.name) {
      case 'Int':
        return this.choices.chance(10) ? -1 : this.choices.integer(0, 5);
      case 'Float':
        return this.choices.pick(defaultFloats);
      case 'String':
        return this.choices.pick(defaultStrings);
      case 'ID':
        return this.choices.pick(defaultIds);
      case 'Boolean':
        return this.choices.chance(50);
      default:
        throw new TypeError(`no values for the custom scalar ${type.name}: supply some in argumentValues`);
    }
  }

  /** The caller's values for `place` that suit `type` (one name may mean other types elsewhere), if any. */
  private suppliedValues(type: GraphQLLeafType, place: InputPlace): readonly unknown[] | undefined {
    for (const key of place.keys) {
      const values = this.argumentValues[key]?.filter((value) => isWritableLeafValue(type, value));
      if (values !== undefined && values.length > 0) return values;
    }
    return undefined;
  }
}

function useName(name: string, used: UsedVariables): string {
  used.push(name);
  return name;
}

function isRequiredInputField(field: GraphQLInputField): boolean {
  return isNonNullType(field.type) && field.defaultValue === undefined;
}

function fieldPlace(type: GraphQLInputObjectType, field: GraphQLInputField): InputPlace {
  return { keys: [`${type.name}.${field.name}`, field.name], variableBase: field.name };
}

function nonNullOf(type: GraphQLInputType): GraphQLNonNull<NullableInputType> {
  return isNonNullType(type)
    ? (type as GraphQLNonNull<NullableInputType>)
    : new GraphQLNonNull(type as NullableInputType);
}

function nullableOf(type: GraphQLInputType): NullableInputType {
  return isNonNullType(type) ? (type.ofType as NullableInputType) : (type as NullableInputType);
}
