import {
  TypeInfo,
  getNamedType,
  isAbstractType,
  isObjectType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { allow } from 'graphql-shield';
import type { RuleBook } from './createRuleBook.js';
import type { ShieldRule } from './ruleTypes.js';

/**
 * The rules a walk over a response to `document` may have to decide: the rules of the non-root
 * fields it can select that are not `allow`, and the object rules of the types it can reach. When
 * there are none, the response is served as the gateway made it, with no walk and no hidden
 * fields. Conservative: @skip/@include are ignored, so a field that might be selected counts.
 */
export function rulesNeeded(document: DocumentNode, schema: GraphQLSchema, book: RuleBook): Set<ShieldRule> {
  const rootTypes = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  const needed = new Set<ShieldRule>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parentType = typeInfo.getParentType();
        const fieldType = typeInfo.getType();
        const parents =
          parentType && isAbstractType(parentType)
            ? schema.getPossibleTypes(parentType)
            : isObjectType(parentType)
              ? [parentType]
              : [];
        if (!node.name.value.startsWith('__')) {
          for (const parent of parents) {
            const rule = rootTypes.has(parent) ? allow : book.fieldRule(parent.name, node.name.value);
            if (rule !== allow) needed.add(rule);
          }
        }
        const named = fieldType ? getNamedType(fieldType) : undefined;
        const reached = named === undefined ? [] : isAbstractType(named) ? schema.getPossibleTypes(named) : [named];
        for (const type of reached) {
          const rule = book.objectRule(type.name);
          if (rule) needed.add(rule);
        }
        return undefined;
      },
    }),
  );
  return needed;
}

/**
 * Whether every rule in `rules` answers for the whole request at once (shield's 'contextual' cache), whatever the
 * object.
 */
export function allContextual(rules: ReadonlySet<ShieldRule>): boolean {
  return [...rules].every((rule) => (rule as { cache?: unknown }).cache === 'contextual');
}
