import { Kind, visit, type ConstDirectiveNode, type DocumentNode, type SchemaExtensionNode } from 'graphql';

/** A per-client contract, as supergraph/<bff>.yaml states it. */
export interface ContractFilter {
  /** Elements tagged with any of these (`@tag(name: "internal")`) are not in this BFF's API. */
  readonly exclude: readonly string[];
}

const taggedKinds = new Set<string>([
  Kind.OBJECT_TYPE_DEFINITION,
  Kind.OBJECT_TYPE_EXTENSION,
  Kind.INTERFACE_TYPE_DEFINITION,
  Kind.UNION_TYPE_DEFINITION,
  Kind.INPUT_OBJECT_TYPE_DEFINITION,
  Kind.ENUM_TYPE_DEFINITION,
  Kind.SCALAR_TYPE_DEFINITION,
  Kind.FIELD_DEFINITION,
  Kind.INPUT_VALUE_DEFINITION,
  Kind.ENUM_VALUE_DEFINITION,
]);

const inaccessible: ConstDirectiveNode = {
  kind: Kind.DIRECTIVE,
  name: { kind: Kind.NAME, value: 'inaccessible' },
  arguments: [],
};

/**
 * Makes every element of a subgraph tagged with an excluded tag `@inaccessible`, so composition
 * leaves it out of this BFF's API schema (the supergraph still knows it, for planning). An
 * exclusion that breaks the graph (a visible field whose type is now inaccessible) fails
 * composition with Federation's own error naming the element.
 */
export function applyContract(document: DocumentNode, contract: ContractFilter): DocumentNode {
  if (contract.exclude.length === 0) return document;
  const excluded = new Set(contract.exclude);
  const filtered = visit(document, {
    enter(node) {
      if (!taggedKinds.has(node.kind) || !('directives' in node) || !node.directives) return undefined;
      const directives = node.directives as readonly ConstDirectiveNode[];
      const isExcluded = directives.some(
        (directive) =>
          directive.name.value === 'tag' &&
          directive.arguments?.some(
            (argument) =>
              argument.name.value === 'name' &&
              argument.value.kind === Kind.STRING &&
              excluded.has(argument.value.value),
          ),
      );
      if (!isExcluded || directives.some((directive) => directive.name.value === 'inaccessible')) return undefined;
      return { ...node, directives: [...directives, inaccessible] };
    },
  });
  // visit answers the document itself when no node changed: then no tag was excluded.
  return filtered === document ? document : withInaccessibleImported(filtered);
}

/** Adds "@inaccessible" to the federation @link's imports, where the subgraph did not import it. */
function withInaccessibleImported(document: DocumentNode): DocumentNode {
  return visit(document, {
    SchemaExtension(node: SchemaExtensionNode) {
      const directives = (node.directives ?? []).map((directive) => {
        const url = directive.arguments?.find((argument) => argument.name.value === 'url')?.value;
        if (
          directive.name.value !== 'link' ||
          url?.kind !== Kind.STRING ||
          !url.value.includes('specs.apollo.dev/federation')
        )
          return directive;
        return {
          ...directive,
          arguments: directive.arguments?.map((argument) => {
            if (argument.name.value !== 'import' || argument.value.kind !== Kind.LIST) return argument;
            if (argument.value.values.some((value) => value.kind === Kind.STRING && value.value === '@inaccessible'))
              return argument;
            return {
              ...argument,
              value: {
                ...argument.value,
                values: [...argument.value.values, { kind: Kind.STRING, value: '@inaccessible' } as const],
              },
            };
          }),
        };
      });
      return { ...node, directives };
    },
  });
}
