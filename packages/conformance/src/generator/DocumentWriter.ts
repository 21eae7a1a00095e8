import {
  doTypesOverlap,
  getNamedType,
  GraphQLBoolean,
  GraphQLNonNull,
  isAbstractType,
  isCompositeType,
  isNonNullType,
  isUnionType,
  parse,
  print,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { Choices } from './Choices.js';
import type { GeneratedRequest } from './GeneratedRequest.js';
import { InputValueWriter, type ArgumentValues, type InputPlace, type UsedVariables } from './InputValueWriter.js';
import { FieldTree, ResponseKeyScope, type FieldEntry } from './ResponseKeyScope.js';
import { VariableTable } from './VariableTable.js';

/** What the writer needs of a schema, computed once per schema. */
export interface WriterSchema {
  readonly schema: GraphQLSchema;
  readonly typeConditions: (parent: GraphQLCompositeType) => readonly GraphQLCompositeType[];
}

/** The generator's options with every default applied. */
export interface WriterLimits {
  readonly mutations: boolean;
  readonly maxDepth: number;
  readonly maxFields: number;
  readonly argumentValues: ArgumentValues;
}

/** Named fragments per document. */
const maxFragments = 4;
/** Inline fragments and fragment spreads nested in one another within one field's selection. */
const maxNesting = 2;

/** An operation or a fragment: what it uses directly, to define each operation's variables. */
interface Definition {
  readonly variables: Set<string>;
  readonly fragments: Set<string>;
  /** The deepest field level reached while it is written (a fragment's height comes from it). */
  deepest: number;
}

interface WrittenFragment extends Definition {
  readonly name: string;
  readonly typeCondition: GraphQLCompositeType;
  readonly text: string;
  /** Its fields, to check a later spread against the selection it lands in. */
  readonly tree: FieldTree;
  /** Field levels it adds where it is spread (1: leaves only). */
  readonly height: number;
}

interface WrittenOperation {
  readonly name: string | undefined;
  readonly text: string;
  readonly variables: readonly string[];
}

type SelectableType = GraphQLObjectType | GraphQLInterfaceType;

const typenameEntry: FieldEntry = {
  fieldName: '__typename',
  argumentsText: '',
  argumentTypes: new Map(),
  typeText: 'String!',
  variables: [],
};
const conditionType = new GraphQLNonNull(GraphQLBoolean);

/**
 * Writes one random document of one to three operations valid against a schema (graphql-js
 * `validate`), with named and inline fragments, aliases, `@skip`/`@include`, arguments as literals
 * and variables, and the request that runs one of its operations. One writer per document.
 */
export class DocumentWriter {
  private readonly variables = new VariableTable();
  private readonly inputs: InputValueWriter;
  private readonly fragments = new Map<string, WrittenFragment>();
  /** The operation being written, then the fragments being written inside it, innermost last. */
  private readonly writing: Definition[] = [];
  private fragmentsStarted = 0;
  private fieldsLeft = 0;

  constructor(
    private readonly target: WriterSchema,
    private readonly choices: Choices,
    private readonly limits: WriterLimits,
  ) {
    this.inputs = new InputValueWriter(choices, this.variables, limits.argumentValues);
  }

  write(): GeneratedRequest {
    const count = this.choices.weighted([
      [6, 1],
      [3, 2],
      [1, 3],
    ]);
    const operations = Array.from({ length: count }, (_, index) => this.operation(index, count));
    const chosen = this.choices.pick(operations);
    const operationName = count > 1 || (chosen.name !== undefined && this.choices.chance(50)) ? chosen.name : undefined;
    const variables: Record<string, unknown> = {};
    for (const name of chosen.variables) {
      const { sent } = this.variables.get(name);
      if (sent !== undefined) variables[name] = sent.value;
    }
    const operationTexts = operations.map((operation) => operation.text);
    const fragmentTexts = [...this.fragments.values()].map((fragment) => fragment.text);
    const definitions = this.choices.chance(30)
      ? [...fragmentTexts, ...operationTexts]
      : [...operationTexts, ...fragmentTexts];
    return {
      query: print(parse(definitions.join('\n'))),
      ...(Object.keys(variables).length > 0 && { variables }),
      ...(operationName !== undefined && { operationName }),
    };
  }

  private operation(index: number, count: number): WrittenOperation {
    const mutationType = this.limits.mutations ? this.target.schema.getMutationType() : undefined;
    const mutation = mutationType && this.choices.chance(30) ? mutationType : undefined;
    const kind = mutation ? 'mutation' : 'query';
    const root = mutation ?? this.target.schema.getQueryType();
    if (!root) throw new Error('the schema has no Query type to write a query over');
    const definition: Definition = { variables: new Set(), fragments: new Set(), deepest: 1 };
    this.fieldsLeft = Math.ceil(this.limits.maxFields / count);
    this.writing.push(definition);
    const body = this.selectionSet(root, ResponseKeyScope.root(), 1, 0);
    this.writing.pop();
    const variables = [...this.variablesOf(definition)];
    const anonymous = count === 1 && this.choices.chance(40);
    if (anonymous && kind === 'query' && variables.length === 0 && this.choices.chance(50))
      return { name: undefined, text: body, variables };
    const name = anonymous ? undefined : `${kind === 'query' ? 'Query' : 'Mutation'}${index + 1}`;
    const definitions = variables.map((variable) => this.variables.definitionText(variable)).join(', ');
    const named = name === undefined ? '' : ` ${name}`;
    const text = `${kind}${named}${definitions === '' ? '' : `(${definitions})`} ${body}`;
    return { name, text, variables };
  }

  /** The variables a definition uses, through the fragments it spreads too. */
  private variablesOf(definition: Definition, seen: Set<string> = new Set()): Set<string> {
    const variables = new Set(definition.variables);
    for (const name of definition.fragments) {
      if (seen.has(name)) continue;
      seen.add(name);
      const fragment = this.fragments.get(name);
      if (!fragment) throw new Error(`fragment ${name} is spread but was never written`);
      for (const variable of this.variablesOf(fragment, seen)) variables.add(variable);
    }
    return variables;
  }

  private get current(): Definition {
    const current = this.writing.at(-1);
    if (!current) throw new Error('no operation or fragment is being written');
    return current;
  }

  private selectionSet(type: GraphQLCompositeType, scope: ResponseKeyScope, depth: number, nesting: number): string {
    const selections: string[] = [];
    const wanted = this.choices.integer(1, 4);
    for (let index = 0; index < wanted && this.fieldsLeft > 0; index += 1) {
      const selection = this.selection(type, scope, depth, nesting);
      if (selection !== undefined) selections.push(selection);
    }
    if (selections.length === 0) selections.push(this.typename(scope, depth, false));
    return `{ ${selections.join(' ')} }`;
  }

  private selection(
    type: GraphQLCompositeType,
    scope: ResponseKeyScope,
    depth: number,
    nesting: number,
  ): string | undefined {
    const abstract = isAbstractType(type);
    const nestable = nesting < maxNesting;
    const kind = this.choices.weighted([
      [isUnionType(type) ? 0 : 8, 'field'],
      [1, '__typename'],
      [nestable ? (abstract ? 4 : 1) : 0, 'inline fragment'],
      [nestable ? (abstract ? 3 : 2) : 0, 'fragment spread'],
    ] as const);
    switch (kind) {
      case 'field':
        return this.field(type as SelectableType, scope, depth);
      case '__typename':
        return this.typename(scope, depth, true);
      case 'inline fragment':
        return this.inlineFragment(type, scope, depth, nesting);
      case 'fragment spread':
        return this.fragmentSpread(type, scope, depth, nesting);
    }
  }

  private typename(scope: ResponseKeyScope, depth: number, decorated: boolean): string {
    const aliased = (decorated && this.choices.chance(20)) || !scope.accepts('__typename', typenameEntry);
    const key = aliased ? this.alias('typename', typenameEntry, scope) : '__typename';
    scope.add(key, typenameEntry);
    this.countField(depth);
    return `${aliased ? `${key}: ` : ''}__typename${decorated ? this.directives() : ''}`;
  }

  private field(type: SelectableType, scope: ResponseKeyScope, depth: number): string | undefined {
    const repeatable = scope.entries().filter(([, entry]) => this.canRepeat(type, entry, depth));
    if (repeatable.length > 0 && this.choices.chance(15)) {
      // The identical field again under its key: its sub-selections merge.
      const [key, entry] = this.choices.pick(repeatable);
      const field = type.getFields()[entry.fieldName];
      if (!field) throw new Error(`${type.name}.${entry.fieldName} was written but is not a field of ${type.name}`);
      return this.writeField(field, key, entry, scope, depth);
    }
    const selectable = Object.values(type.getFields()).filter((field) => this.isSelectable(type, field, depth));
    if (selectable.length === 0) return undefined;
    const written = new Set(scope.entries().map(([, entry]) => entry.fieldName));
    // A field with arguments written here already: most likely other arguments, under another alias.
    const again = selectable.filter((field) => written.has(field.name) && field.args.length > 0);
    const unwritten = selectable.filter((field) => !written.has(field.name));
    const field =
      again.length > 0 && this.choices.chance(20)
        ? this.choices.pick(again)
        : this.choices.pick(unwritten.length > 0 ? unwritten : selectable);
    const variables: UsedVariables = [];
    const argumentTypes = new Map<string, string>();
    const argumentTexts: string[] = [];
    for (const argument of field.args) {
      const place = argumentPlace(type, field, argument);
      if (!isRequiredArgument(argument) && !(this.inputs.canProduce(argument.type, place) && this.choices.chance(40)))
        continue;
      argumentTexts.push(`${argument.name}: ${this.inputs.argument(argument.type, place, variables)}`);
      argumentTypes.set(argument.name, String(argument.type));
    }
    const argumentsText = argumentTexts.length === 0 ? '' : `(${argumentTexts.join(', ')})`;
    const entry: FieldEntry = {
      fieldName: field.name,
      argumentsText,
      argumentTypes,
      typeText: String(field.type),
      variables,
    };
    const aliased = this.choices.chance(20) || !scope.accepts(field.name, entry);
    return this.writeField(field, aliased ? this.alias(field.name, entry, scope) : field.name, entry, scope, depth);
  }

  private writeField(
    field: GraphQLField<unknown, unknown>,
    key: string,
    entry: FieldEntry,
    scope: ResponseKeyScope,
    depth: number,
  ): string {
    for (const variable of entry.variables) this.current.variables.add(variable);
    this.countField(depth);
    const head = `${key === field.name ? '' : `${key}: `}${field.name}${entry.argumentsText}${this.directives()}`;
    const children = scope.add(key, entry);
    const named = getNamedType(field.type);
    return isCompositeType(named) ? `${head} ${this.selectionSet(named, children, depth + 1, 0)}` : head;
  }

  /** Whether the field under `entry` exists on `type` alike (type, arguments), so the same text selects it here. */
  private canRepeat(type: SelectableType, entry: FieldEntry, depth: number): boolean {
    const field = type.getFields()[entry.fieldName];
    if (field === undefined || String(field.type) !== entry.typeText || !this.fitsDepth(field, depth)) return false;
    const argumentTypes = new Map(field.args.map((argument) => [argument.name, String(argument.type)]));
    return (
      field.args.every((argument) => !isRequiredArgument(argument) || entry.argumentTypes.has(argument.name)) &&
      [...entry.argumentTypes].every(([name, typeText]) => argumentTypes.get(name) === typeText)
    );
  }

  private isSelectable(type: SelectableType, field: GraphQLField<unknown, unknown>, depth: number): boolean {
    return (
      this.fitsDepth(field, depth) &&
      field.args.every(
        (argument) =>
          !isRequiredArgument(argument) || this.inputs.canProduce(argument.type, argumentPlace(type, field, argument)),
      )
    );
  }

  /** A field of an object type needs a sub-selection, one level deeper. */
  private fitsDepth(field: GraphQLField<unknown, unknown>, depth: number): boolean {
    return !isCompositeType(getNamedType(field.type)) || depth < this.limits.maxDepth;
  }

  private alias(base: string, entry: FieldEntry, scope: ResponseKeyScope): string {
    for (let index = 2; ; index += 1) {
      const key = `${base}${index}`;
      if (scope.accepts(key, entry)) return key;
    }
  }

  private countField(depth: number): void {
    this.fieldsLeft -= 1;
    for (const definition of this.writing) definition.deepest = Math.max(definition.deepest, depth);
  }

  /** Sometimes `@skip`, `@include` or both, each with a literal or a variable. */
  private directives(percent = 15): string {
    if (!this.choices.chance(percent)) return '';
    const names = this.choices.pick([['include'], ['skip'], ['skip', 'include']]);
    return names.map((name) => ` @${name}(if: ${this.condition(name)})`).join('');
  }

  private condition(directive: string): string {
    if (this.choices.chance(50)) return this.choices.pick(['true', 'false']);
    const used: UsedVariables = [];
    const place: InputPlace = { keys: [`@${directive}(if:)`], variableBase: directive };
    const name = this.inputs.variable(conditionType, place, used);
    for (const variable of used) this.current.variables.add(variable);
    return `$${name}`;
  }

  private inlineFragment(type: GraphQLCompositeType, scope: ResponseKeyScope, depth: number, nesting: number): string {
    const condition = this.choices.chance(80) ? this.choices.pick(this.target.typeConditions(type)) : undefined;
    // Without a type condition an inline fragment is there for its directives.
    const directives = this.directives(condition === undefined ? 60 : 15);
    const body = this.selectionSet(condition ?? type, scope, depth, nesting + 1);
    return `...${condition === undefined ? '' : ` on ${condition.name}`}${directives} ${body}`;
  }

  private fragmentSpread(
    type: GraphQLCompositeType,
    scope: ResponseKeyScope,
    depth: number,
    nesting: number,
  ): string | undefined {
    const spreadable = [...this.fragments.values()].filter(
      (fragment) =>
        doTypesOverlap(this.target.schema, fragment.typeCondition, type) &&
        depth + fragment.height - 1 <= this.limits.maxDepth &&
        scope.canMerge(fragment.tree),
    );
    const canStart = this.fragmentsStarted < maxFragments;
    if (spreadable.length > 0 && (!canStart || this.choices.chance(50))) {
      const fragment = this.choices.pick(spreadable);
      scope.merge(fragment.tree);
      return this.spread(fragment, depth);
    }
    if (!canStart) return undefined;
    this.fragmentsStarted += 1;
    const typeCondition = this.choices.pick(this.target.typeConditions(type));
    const name = `${typeCondition.name}Fields${this.fragmentsStarted}`;
    const tree = new FieldTree();
    const definition: Definition = { variables: new Set(), fragments: new Set(), deepest: depth };
    this.writing.push(definition);
    const body = this.selectionSet(typeCondition, scope.including(tree), depth, nesting + 1);
    this.writing.pop();
    const fragment: WrittenFragment = {
      ...definition,
      name,
      typeCondition,
      text: `fragment ${name} on ${typeCondition.name} ${body}`,
      tree,
      height: definition.deepest - depth + 1,
    };
    this.fragments.set(name, fragment);
    return this.spread(fragment, depth);
  }

  private spread(fragment: WrittenFragment, depth: number): string {
    this.current.fragments.add(fragment.name);
    for (const definition of this.writing)
      definition.deepest = Math.max(definition.deepest, depth + fragment.height - 1);
    return `...${fragment.name}${this.directives()}`;
  }
}

function isRequiredArgument(argument: GraphQLArgument): boolean {
  return isNonNullType(argument.type) && argument.defaultValue === undefined;
}

function argumentPlace(
  type: SelectableType,
  field: GraphQLField<unknown, unknown>,
  argument: GraphQLArgument,
): InputPlace {
  return { keys: [`${type.name}.${field.name}(${argument.name}:)`, argument.name], variableBase: argument.name };
}
