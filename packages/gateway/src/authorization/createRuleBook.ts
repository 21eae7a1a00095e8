import { allow } from 'graphql-shield';
import {
  Kind,
  isObjectType,
  parse,
  print,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionNode,
} from 'graphql';
import { ConfigError } from '../errors/ConfigError.js';
import { fragmentsOf, isRule, type RuleMap, type ShieldRule } from './ruleTypes.js';

/** What the kit needs to know of a rule map, checked against the API schema once. */
export interface RuleBook {
  /** The rule of `Type.field`: its own, else the type's `'*'`, else the type's rule, else the fallback. */
  fieldRule(typeName: string, fieldName: string): ShieldRule;
  /**
   * A rule given for a whole non-root type guards each of its objects once: denied, the object is
   * null with one error. Root types apply a type rule per field, as graphql-shield does.
   */
  objectRule(typeName: string): ShieldRule | undefined;
  /**
   * Selections the rules of a type need from its objects (from their fragments): those of its
   * object rule, and of the rules of `fieldNames` when given, else of all its fields.
   */
  neededSelections(typeName: string, fieldNames?: readonly string[]): readonly SelectionNode[];
  /** `Type.field` of every field no rule covers: the fallback rule decides them. */
  readonly unruledFields: readonly string[];
  readonly fallbackRule: ShieldRule;
}

/**
 * Checks a rule map against the API schema and indexes it. Throws ConfigError naming every type
 * or field the map names that the schema lacks, and every fragment that is not on its type:
 * a typo must not silently become a denial.
 */
export function createRuleBook(schema: GraphQLSchema, rules: RuleMap, fallbackRule: ShieldRule): RuleBook {
  const problems: string[] = [];
  const rootTypeNames = new Set(
    [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
      type ? [type.name] : [],
    ),
  );
  const fieldRules = new Map<string, ShieldRule>();
  const typeDefaults = new Map<string, ShieldRule>();
  const objectRules = new Map<string, ShieldRule>();
  // Keyed 'Type' for a type's own rule, 'Type.field' for a field's (and 'Type.*').
  const needed = new Map<string, SelectionNode[]>();

  const addFragments = (type: GraphQLObjectType, rule: ShieldRule, where: string) => {
    for (const source of fragmentsOf(rule)) {
      const selections = parseFragment(source, type.name, where, problems);
      if (selections) needed.set(where, [...(needed.get(where) ?? []), ...selections]);
    }
  };

  for (const [typeName, entry] of Object.entries(rules)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) {
      problems.push(`rules name type ${typeName}, which is not an object type of this BFF's schema`);
      continue;
    }
    if (isRule(entry)) {
      // `allow` for a whole type guards nothing: its fields are simply allowed, with no walk.
      (rootTypeNames.has(typeName) || entry === allow ? typeDefaults : objectRules).set(typeName, entry);
      addFragments(type, entry, typeName);
      continue;
    }
    for (const [fieldName, rule] of Object.entries(entry as Record<string, ShieldRule>)) {
      if (fieldName === '*') typeDefaults.set(typeName, rule);
      else if (!type.getFields()[fieldName]) {
        problems.push(`rules name field ${typeName}.${fieldName}, which this BFF's schema does not have`);
        continue;
      } else fieldRules.set(`${typeName}.${fieldName}`, rule);
      addFragments(type, rule, `${typeName}.${fieldName}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const unruledFields = Object.values(schema.getTypeMap())
    .filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__'))
    .flatMap((type) =>
      Object.keys(type.getFields())
        .filter(
          (field) =>
            !fieldRules.has(`${type.name}.${field}`) && !typeDefaults.has(type.name) && !objectRules.has(type.name),
        )
        .map((field) => `${type.name}.${field}`),
    );

  // The rule of each field, decided once: the walk over a response asks for every field of every object.
  const decided = new Map<string, Map<string, ShieldRule>>();
  const decideFieldRule = (typeName: string, fieldName: string): ShieldRule =>
    fieldRules.get(`${typeName}.${fieldName}`) ??
    typeDefaults.get(typeName) ??
    (objectRules.has(typeName) ? allow : fallbackRule);
  return {
    fieldRule: (typeName, fieldName) => {
      let byField = decided.get(typeName);
      if (!byField) decided.set(typeName, (byField = new Map<string, ShieldRule>()));
      let rule = byField.get(fieldName);
      if (!rule) byField.set(fieldName, (rule = decideFieldRule(typeName, fieldName)));
      return rule;
    },
    objectRule: (typeName) => objectRules.get(typeName),
    neededSelections: (typeName, fieldNames) => {
      const type = schema.getType(typeName);
      const fields = fieldNames ?? (isObjectType(type) ? Object.keys(type.getFields()) : []);
      const wildcard = needed.get(`${typeName}.*`) ?? [];
      const selections = [
        ...(needed.get(typeName) ?? []),
        ...fields.flatMap(
          (field) => needed.get(`${typeName}.${field}`) ?? (fieldRules.has(`${typeName}.${field}`) ? [] : wildcard),
        ),
      ];
      return [...new Map(selections.map((selection) => [print(selection), selection])).values()];
    },
    unruledFields,
    fallbackRule,
  };
}

/** Parses `fragment Name on Type { … }` and returns its selections, or records why it cannot. */
function parseFragment(
  source: string,
  typeName: string,
  where: string,
  problems: string[],
): readonly SelectionNode[] | undefined {
  try {
    const definition = parse(source).definitions[0];
    if (definition?.kind !== Kind.FRAGMENT_DEFINITION) throw new Error('not a fragment definition');
    if (definition.typeCondition.name.value !== typeName) {
      problems.push(
        `the rule of ${where} needs fields of ${definition.typeCondition.name.value}, but guards ${typeName}`,
      );
      return undefined;
    }
    return definition.selectionSet.selections;
  } catch (error) {
    problems.push(
      `the rule of ${where} has a fragment that is not 'fragment Name on ${typeName} { … }': ` +
        (error as Error).message,
    );
    return undefined;
  }
}
