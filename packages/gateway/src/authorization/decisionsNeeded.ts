import { TypeInfo, getNamedType, isAbstractType, isObjectType, visit, visitWithTypeInfo, BREAK, type DocumentNode, type GraphQLSchema } from 'graphql';
import { allow } from 'graphql-shield';
import type { RuleBook } from './createRuleBook.js';

/**
 * Whether any non-root field a document can select needs a rule decided over the result: a field
 * whose rule is not `allow`, or an object of a type with an object rule. When none does, the
 * response is served as the gateway made it, with no walk and no hidden fields. Conservative:
 * @skip/@include are ignored, so a field that might be selected counts.
 */
export function decisionsNeeded(document: DocumentNode, schema: GraphQLSchema, book: RuleBook): boolean {
  const rootTypes = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  const guardedType = (typeName: string) => book.objectRule(typeName) !== undefined;
  let needed = false;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parentType = typeInfo.getParentType();
        const fieldType = typeInfo.getType();
        const parents = parentType && isAbstractType(parentType) ? schema.getPossibleTypes(parentType) : isObjectType(parentType) ? [parentType] : [];
        const fieldGuarded = parents.some((parent) => !rootTypes.has(parent) && book.fieldRule(parent.name, node.name.value) !== allow && !node.name.value.startsWith('__'));
        const named = fieldType ? getNamedType(fieldType) : undefined;
        const objectGuarded =
          named !== undefined && (isAbstractType(named) ? schema.getPossibleTypes(named).some((type) => guardedType(type.name)) : guardedType(named.name));
        if (fieldGuarded || objectGuarded) {
          needed = true;
          return BREAK;
        }
        return undefined;
      },
    }),
  );
  return needed;
}
