import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import fc from 'fast-check';
import {
  getNamedType,
  getOperationAST,
  getVariableValues,
  isAbstractType,
  isNonNullType,
  Kind,
  OperationTypeNode,
  parse,
  print,
  TypeInfo,
  typeFromAST,
  validate,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { arbitraryOperation, type ArbitraryOperationOptions } from './arbitraryOperation.js';
import type { GeneratedRequest } from './GeneratedRequest.js';
import { librarySchema } from './librarySchema.js';
import { propertyParameters } from './propertyParameters.js';

const parameters = propertyParameters({ seed: 230_231, numRuns: 300 });
const webSchema = Supergraph.build(readFileSync(new URL('../../../../supergraph/web.graphql', import.meta.url), 'utf8'))
  .apiSchema()
  .toGraphQLJSSchema();

/** Fails with what is wrong unless `request` validates against `schema` and its variables coerce. */
function expectValid(schema: GraphQLSchema, request: GeneratedRequest): void {
  const document = parse(request.query);
  expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  const operation = getOperationAST(document, request.operationName);
  expect(operation, 'operationName names exactly one operation').not.toBeNull();
  const coerced = getVariableValues(schema, operation!.variableDefinitions ?? [], request.variables ?? {});
  expect(coerced.errors?.map((error) => error.message)).toBeUndefined();
}

/** The field levels of an operation, fragments followed: the root's fields are level 1. */
function depthOf(document: DocumentNode, operationName: string | undefined): number {
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const depth = (selectionSet: SelectionSetNode): number =>
    Math.max(
      0,
      ...selectionSet.selections.map((selection) => {
        if (selection.kind === Kind.FIELD) return 1 + (selection.selectionSet ? depth(selection.selectionSet) : 0);
        if (selection.kind === Kind.INLINE_FRAGMENT) return depth(selection.selectionSet);
        return depth(fragments.get(selection.name.value)!.selectionSet);
      }),
    );
  return depth(getOperationAST(document, operationName)!.selectionSet);
}

/** The features of the generator a request shows, by name; what the feature test counts. */
function featuresOf(schema: GraphQLSchema, request: GeneratedRequest): Set<string> {
  const features = new Set<string>();
  const document = parse(request.query);
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (operations.length > 1 && request.operationName !== undefined)
    features.add('several operations, operationName choosing one');
  if (operations.some((operation) => operation.operation === OperationTypeNode.MUTATION)) features.add('mutation');
  const spreads = new Map<string, number>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      FragmentDefinition(fragment) {
        features.add('named fragment');
        if (isAbstractType(schema.getType(fragment.typeCondition.name.value)))
          features.add('named fragment on an abstract type');
      },
      FragmentSpread(spread) {
        spreads.set(spread.name.value, (spreads.get(spread.name.value) ?? 0) + 1);
      },
      InlineFragment(fragment) {
        const parent = typeInfo.getParentType();
        const condition = fragment.typeCondition && schema.getType(fragment.typeCondition.name.value);
        if (!condition) features.add('inline fragment without type condition');
        else if (isAbstractType(parent)) {
          if (condition === parent) features.add('inline fragment on the abstract type itself');
          else if (isAbstractType(condition)) features.add('inline fragment on another abstract type');
          else features.add('inline fragment on a possible type');
        }
      },
      Field(field) {
        if (field.alias) features.add('alias');
        if (field.name.value === '__typename') features.add('__typename');
        for (const argument of field.arguments ?? []) {
          features.add(argument.value.kind === Kind.VARIABLE ? 'argument as a variable' : 'argument as a literal');
          const named = getNamedType(
            typeInfo.getFieldDef()?.args.find((definition) => definition.name === argument.name.value)?.type,
          );
          if (named && 'getValues' in named) features.add('enum argument');
          if (named && 'getFields' in named) features.add('input object argument');
          if (argument.value.kind === Kind.LIST) features.add('list literal');
        }
      },
      Directive(directive) {
        const condition = directive.arguments?.[0]?.value;
        if (condition?.kind === Kind.VARIABLE) features.add(`@${directive.name.value} with a variable`);
        else features.add(`@${directive.name.value} with a literal`);
      },
      SelectionSet(selectionSet) {
        const argumentsByName = new Map<string, Set<string>>();
        const keys = new Map<string, number>();
        for (const field of selectionSet.selections.filter(
          (selection): selection is FieldNode => selection.kind === Kind.FIELD,
        )) {
          const printed = argumentsByName.get(field.name.value) ?? new Set();
          printed.add((field.arguments ?? []).map(print).join(', '));
          argumentsByName.set(field.name.value, printed);
          const key = (field.alias ?? field.name).value;
          keys.set(key, (keys.get(key) ?? 0) + 1);
        }
        if ([...argumentsByName.values()].some((printed) => printed.size > 1))
          features.add('same field twice with different arguments');
        if ([...keys.values()].some((count) => count > 1)) features.add('same response key twice');
      },
    }),
  );
  if ([...spreads.values()].some((count) => count > 1)) features.add('named fragment spread several times');
  const operation = getOperationAST(document, request.operationName)!;
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const sent = request.variables !== undefined && name in request.variables;
    if (definition.defaultValue && !sent) features.add('variable with a default left out');
    if (!definition.defaultValue && !sent) features.add('nullable variable left out');
    if (sent && request.variables[name] === null) features.add('variable sent as null');
    const type = typeFromAST(schema, definition.type);
    if (type && !isNonNullType(type) && definition.defaultValue && getNamedType(type).name === 'Boolean')
      features.add('nullable Boolean variable with a default');
  }
  return features;
}

function countFeatures(schema: GraphQLSchema, options: ArbitraryOperationOptions): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of fc.sample(arbitraryOperation(schema, options), { seed: parameters.seed, numRuns: 300 })) {
    for (const feature of featuresOf(schema, request)) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  }
  return counts;
}

describe('arbitraryOperation', () => {
  it('writes requests that validate and whose variables coerce over a schema with interfaces, unions, enums, input objects and lists', () => {
    fc.assert(
      fc.property(arbitraryOperation(librarySchema), (request) => expectValid(librarySchema, request)),
      parameters,
    );
  });

  it('writes valid mutations too when asked', () => {
    fc.assert(
      fc.property(arbitraryOperation(librarySchema, { mutations: true }), (request) =>
        expectValid(librarySchema, request),
      ),
      parameters,
    );
    expect(countFeatures(librarySchema, { mutations: true }).get('mutation')).toBeGreaterThan(30);
    expect(countFeatures(librarySchema, {}).get('mutation')).toBeUndefined();
  });

  it("writes requests that validate and whose variables coerce over the web BFF's API schema", () => {
    const argumentValues = { upc: ['100001', '100002'], id: ['1', '2'] };
    fc.assert(
      fc.property(arbitraryOperation(webSchema, { argumentValues, mutations: true }), (request) =>
        expectValid(webSchema, request),
      ),
      parameters,
    );
  });

  it('keeps within maxDepth, fragments followed', () => {
    fc.assert(
      fc.property(arbitraryOperation(librarySchema, { maxDepth: 2 }), (request) => {
        expectValid(librarySchema, request);
        expect(depthOf(parse(request.query), request.operationName)).toBeLessThanOrEqual(2);
      }),
      parameters,
    );
  });

  it('uses argumentValues for the places they name, and skips fields needing a custom scalar it has no values for', () => {
    const withoutValues = fc.sample(arbitraryOperation(librarySchema), { seed: parameters.seed, numRuns: 300 });
    expect(withoutValues.some((request) => request.query.includes('publishedSince'))).toBe(false);
    const argumentValues = { 'Query.publishedSince(at:)': ['2024-05-01T00:00:00Z'], id: ['book-7'] };
    const withValues = fc.sample(arbitraryOperation(librarySchema, { argumentValues }), {
      seed: parameters.seed,
      numRuns: 300,
    });
    expect(withValues.some((request) => request.query.includes('publishedSince(at: "2024-05-01T00:00:00Z")'))).toBe(
      true,
    );
    const idLiterals = withValues.flatMap((request) =>
      [...request.query.matchAll(/\bid: ([^$\s,)}][^\s,)}]*)/g)].map((match) => match[1]),
    );
    const idVariables = withValues.flatMap((request) =>
      Object.entries(request.variables ?? {})
        .filter(([name]) => /^id\d+$/.test(name))
        .map(([, value]) => value),
    );
    expect(new Set(idLiterals)).toEqual(new Set(['"book-7"']));
    expect(new Set(idVariables)).toEqual(new Set(['book-7']));
  });

  it('writes every feature at least a few times in 300 requests, so none is lost silently', () => {
    const counts = countFeatures(librarySchema, {});
    const features = [
      'named fragment',
      'named fragment on an abstract type',
      'named fragment spread several times',
      'inline fragment without type condition',
      'inline fragment on the abstract type itself',
      'inline fragment on another abstract type',
      'inline fragment on a possible type',
      'alias',
      'same field twice with different arguments',
      'same response key twice',
      '__typename',
      '@skip with a literal',
      '@skip with a variable',
      '@include with a literal',
      '@include with a variable',
      'nullable Boolean variable with a default',
      'variable with a default left out',
      'nullable variable left out',
      'variable sent as null',
      'argument as a literal',
      'argument as a variable',
      'enum argument',
      'input object argument',
      'list literal',
      'several operations, operationName choosing one',
    ];
    expect(Object.fromEntries(features.map((feature) => [feature, (counts.get(feature) ?? 0) >= 5]))).toEqual(
      Object.fromEntries(features.map((feature) => [feature, true])),
    );
  });

  it('refuses options it cannot honour, saying what it got', () => {
    expect(() => arbitraryOperation(librarySchema, { maxDepth: 0 })).toThrow(
      new RangeError('maxDepth must be an integer of at least 1, but got: 0'),
    );
    expect(() => arbitraryOperation(librarySchema, { maxFields: 1.5 })).toThrow(
      new RangeError('maxFields must be an integer of at least 1, but got: 1.5'),
    );
    expect(() => arbitraryOperation(librarySchema, { argumentValues: { id: 'b1' as unknown as string[] } })).toThrow(
      new TypeError('argumentValues.id must be an array of values, but got: "b1"'),
    );
  });

  it('ignores supplied values that do not suit the type of the place', () => {
    const argumentValues = { 'Query.authors(order:)': ['SIDEWAYS', 'DESC'], limit: ['many'] };
    const requests = fc.sample(arbitraryOperation(librarySchema, { argumentValues }), {
      seed: parameters.seed,
      numRuns: 300,
    });
    for (const request of requests) expectValid(librarySchema, request);
    const orders = requests.flatMap((request) =>
      [...request.query.matchAll(/authors\(order: (\w+)/g)].map((match) => match[1]),
    );
    expect(new Set(orders)).toEqual(new Set(['DESC']));
  });

  it('replays the same requests from the same seed', () => {
    const first = fc.sample(arbitraryOperation(webSchema), { seed: 7, numRuns: 20 });
    expect(fc.sample(arbitraryOperation(webSchema), { seed: 7, numRuns: 20 })).toEqual(first);
  });
});
