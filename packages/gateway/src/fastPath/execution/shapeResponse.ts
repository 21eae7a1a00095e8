import { ERRORS } from '@apollo/federation-internals';
import {
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  GraphQLString,
  getNullableType,
  isCompositeType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLError,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { collectFields, subSelections } from '../../operation/collectFields.js';
import { hiddenKeyPrefix } from '../../authorization/rewriteDocument.js';

/** Marks a null that must propagate to the nearest nullable parent. */
const bubble = Symbol('null bubbles up');

/**
 * A field's type unwrapped once: graphql-js's isNonNullType/isListType checks are slow outside
 * NODE_ENV=production (a failed instanceof triggers a cross-realm check), and a response
 * repeats them for every value.
 */
interface CompiledType {
  readonly type: GraphQLOutputType;
  readonly nonNull: boolean;
  /** The item type of a list. */
  readonly item: CompiledType | undefined;
  /** The named type, when composite. */
  readonly composite: GraphQLCompositeType | undefined;
}

function compileType(type: GraphQLOutputType): CompiledType {
  const nonNull = isNonNullType(type);
  const nullable = nonNull ? type.ofType : type;
  const item = isListType(nullable) ? compileType(nullable.ofType) : undefined;
  return { type: nullable, nonNull, item, composite: !item && isCompositeType(nullable) ? nullable : undefined };
}

/** One response key of an object, as the client's operation selects it for one runtime type. */
interface FieldShape {
  readonly responseName: string;
  /** `__typename` is answered from the runtime type, not from the data. */
  readonly isTypename: boolean;
  readonly type: CompiledType;
  readonly parentTypeName: string;
  readonly selectionSets: readonly SelectionSetNode[];
  readonly source: ShapeSource;
  child?: SelectionShape;
}

/** What a shape is compiled against: the API schema, the operation's fragments and the variables of @skip/@include. */
export interface ShapeSource {
  readonly schema: GraphQLSchema;
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  readonly conditionValues: Readonly<Record<string, unknown>>;
  /** Leave out fragments an active @defer marks (the initial part of an incremental response). @default false */
  readonly withoutDeferred?: boolean;
}

/**
 * The client's selection sets at one position of the operation, compiled once per runtime type
 * into the flat list of response keys to write: the work graphql-js's collectFields and
 * @apollo/gateway's result shaping redo for every object of every response.
 */
export class SelectionShape {
  readonly #byRuntimeType = new Map<string, FieldShape[]>();

  constructor(
    readonly source: ShapeSource,
    readonly selectionSets: readonly SelectionSetNode[],
  ) {}

  fieldsFor(runtimeType: GraphQLCompositeType): FieldShape[] {
    let fields = this.#byRuntimeType.get(runtimeType.name);
    if (!fields) {
      fields = [];
      const { schema, fragments, conditionValues, withoutDeferred } = this.source;
      for (const [responseName, nodes] of collectFields(
        { schema, fragments, variables: conditionValues, withoutDeferred },
        runtimeType,
        this.selectionSets,
      )) {
        const [first] = nodes;
        if (!first) continue; // never: collectFields puts at least one node under a key
        const isTypename = first.name.value === '__typename';
        const definition =
          isTypename || isUnionType(runtimeType) ? undefined : runtimeType.getFields()[first.name.value];
        if (!isTypename && !definition) continue;
        // A field the rules layer added for itself (hidden alias) is nullable here: the client never
        // asked for it, so its null must not take the client's object with it.
        const type =
          definition && responseName.startsWith(hiddenKeyPrefix) ? getNullableType(definition.type) : definition?.type;
        fields.push({
          responseName,
          isTypename,
          type: compileType(type ?? GraphQLString),
          parentTypeName: runtimeType.name,
          selectionSets: subSelections(nodes),
          source: this.source,
        });
      }
      this.#byRuntimeType.set(runtimeType.name, fields);
    }
    return fields;
  }
}

/** The result of shaping: the client's data, and the values that had to be nulled on the way. */
export interface ShapedResponse {
  readonly data: Record<string, unknown> | null;
  /** Nulls a non-null field could not be given, invalid leaf values: @apollo/gateway's "valueCompletion". */
  readonly completionErrors: GraphQLError[];
}

/**
 * Writes the response the client asked for from the data merged from every fetch: response keys
 * in the operation's order, fragments applied by runtime type, fields the plan added for its own
 * use left out, and GraphQL's null propagation; the same rules as @apollo/gateway's
 * computeResponse, over compiled shapes. `path` is where `input` is in the response (a deferred part's).
 */
export function shapeResponse(
  shape: SelectionShape,
  rootType: GraphQLCompositeType,
  input: Record<string, unknown>,
  path: readonly (string | number)[] = [],
): ShapedResponse {
  const state: ShapeState = { schema: shape.source.schema, errors: [], path: [...path] };
  const data = shapeObject(state, shape, rootType, input);
  return { data: data === bubble ? null : data, completionErrors: state.errors };
}

interface ShapeState {
  readonly schema: GraphQLSchema;
  readonly errors: GraphQLError[];
  readonly path: (string | number)[];
}

function shapeObject(
  state: ShapeState,
  shape: SelectionShape,
  runtimeType: GraphQLCompositeType,
  input: Record<string, unknown>,
): Record<string, unknown> | typeof bubble {
  const output: Record<string, unknown> = {};
  for (const field of shape.fieldsFor(runtimeType)) {
    if (field.isTypename) {
      if (!isObjectType(runtimeType)) return bubble;
      output[field.responseName] = runtimeType.name;
      continue;
    }
    state.path.push(field.responseName);
    const value = completeValue(state, field, field.type, input[field.responseName] ?? null);
    state.path.pop();
    if (value === bubble) return bubble;
    output[field.responseName] = value;
  }
  return output;
}

function completeValue(state: ShapeState, field: FieldShape, type: CompiledType, input: unknown): unknown {
  if (type.nonNull) {
    const value = completeNullable(state, field, type, input);
    if (value === null) {
      state.errors.push(
        invalid(`Cannot return null for non-nullable ${describe(state, field, type.type)}.`, state.path),
      );
      return bubble;
    }
    return value;
  }
  return completeNullable(state, field, type, input);
}

function completeNullable(state: ShapeState, field: FieldShape, type: CompiledType, input: unknown): unknown {
  if (input === null || input === undefined) return null;
  if (type.item) {
    if (!Array.isArray(input)) {
      state.errors.push(invalid(`Invalid non-list value found for ${describe(state, field, type.type)}.`, state.path));
      return null;
    }
    const output = new Array<unknown>(input.length);
    for (let index = 0; index < input.length; index += 1) {
      state.path.push(index);
      const element = completeValue(state, field, type.item, input[index]);
      state.path.pop();
      if (element === bubble) return null;
      output[index] = element;
    }
    return output;
  }
  if (type.composite) {
    if (typeof input !== 'object') {
      state.errors.push(
        invalid(`Invalid non-object value found for ${describe(state, field, type.type)}.`, state.path),
      );
      return null;
    }
    const object = input as Record<string, unknown>;
    const typename = object['__typename'];
    let runtimeType: GraphQLCompositeType = type.composite;
    if (typeof typename === 'string' && typename !== runtimeType.name) {
      const named = state.schema.getType(typename);
      if (!named || !isCompositeType(named)) {
        state.errors.push(
          invalid(`Invalid __typename found for object at ${describe(state, field, type.type)}.`, state.path),
        );
        return null;
      }
      runtimeType = named;
    }
    field.child ??= new SelectionShape(field.source, field.selectionSets);
    const shaped = shapeObject(state, field.child, runtimeType, object);
    return shaped === bubble ? null : shaped;
  }
  if (isValidLeafValue(type.type, input)) return input;
  state.errors.push(invalid(`Invalid value found for ${describe(state, field, type.type)}.`, state.path));
  return null;
}

function describe(state: ShapeState, field: FieldShape, type: GraphQLOutputType): string {
  const last = state.path[state.path.length - 1];
  return typeof last === 'string'
    ? `field ${field.parentTypeName}.${last}`
    : `array element of type ${String(type)} at index ${String(last)}`;
}

function invalid(message: string, path: readonly (string | number)[]): GraphQLError {
  return ERRORS.INVALID_GRAPHQL.err(message, { path: [...path] });
}

const integerPattern = /^[+-]?\d+$/;

/** @apollo/federation-internals' isValidLeafValue, over graphql-js types. */
function isValidLeafValue(type: GraphQLOutputType, value: unknown): boolean {
  if (type === GraphQLBoolean) return typeof value === 'boolean';
  if (type === GraphQLInt)
    return typeof value === 'number' && Number.isFinite(value) && integerPattern.test(String(value));
  if (type === GraphQLID)
    return (
      typeof value === 'string' ||
      (typeof value === 'number' && Number.isFinite(value) && integerPattern.test(String(value)))
    );
  if (type === GraphQLFloat) return typeof value === 'number' && Number.isFinite(value);
  if (type === GraphQLString) return typeof value === 'string';
  if (isEnumType(type)) return typeof value === 'string' && type.getValue(value) !== undefined;
  // A custom scalar: any value the subgraph sent.
  return true;
}
