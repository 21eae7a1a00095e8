import { allow, rule, type RuleMap } from '@bff/gateway';
import { getNamedType, isLeafType, isObjectType, type GraphQLSchema } from 'graphql';

/** Allows everything, yet is judged on every object of a response. */
const walkedAllow = rule('conformanceWalkedAllow', { cache: 'no_cache' })(() => true);

/**
 * A rule book that allows everything but makes the rules layer do all its work: every object type
 * gets a type-wide rule that is judged per object (so the whole response is walked, `__typename` is
 * added under abstract types) and that asks for the type's id (else its first argument-free leaf) as a parent
 * field (so hidden selections are added and removed). Its answers must equal the BFF's without rules.
 */
export function walkEveryObject(apiSchema: GraphQLSchema): RuleMap {
  const rules: RuleMap = {};
  for (const type of Object.values(apiSchema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const isRoot = [apiSchema.getQueryType(), apiSchema.getMutationType(), apiSchema.getSubscriptionType()].includes(
      type,
    );
    if (isRoot) {
      rules[type.name] = allow;
      continue;
    }
    // An id when the type has one (fixtures leave other leaves null on purpose, and a null non-null
    // field the rules asked for would null its object where the client's own selection did not).
    const leaves = Object.values(type.getFields()).filter(
      (field) => field.args.length === 0 && isLeafType(getNamedType(field.type)),
    );
    const leaf = leaves.find((field) => getNamedType(field.type).name === 'ID') ?? leaves[0];
    rules[type.name] = leaf
      ? rule(`conformanceWalked${type.name}`, {
          cache: 'no_cache',
          fragment: `fragment Walked${type.name} on ${type.name} { ${leaf.name} }`,
        })(() => true)
      : walkedAllow;
  }
  return rules;
}
