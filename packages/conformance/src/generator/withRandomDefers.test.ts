import fc from 'fast-check';
import {
  DirectiveLocation,
  GraphQLBoolean,
  GraphQLDirective,
  GraphQLNonNull,
  GraphQLSchema,
  GraphQLString,
  Kind,
  OperationTypeNode,
  parse,
  print,
  validate,
  visit,
  type DocumentNode,
  type SelectionSetNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { arbitraryOperation } from './arbitraryOperation.js';
import { choicesFromGenerator, type Choices } from './Choices.js';
import { hasDefer } from './deferNodes.js';
import { librarySchema } from './librarySchema.js';
import { propertyParameters } from './propertyParameters.js';
import { withRandomDefers } from './withRandomDefers.js';

const parameters = propertyParameters({ seed: 260_026, numRuns: 300 });

/** The library schema with `@defer` as the kit serves it (graphql-js 16 does not define it). */
const schemaWithDefer = new GraphQLSchema({
  ...librarySchema.toConfig(),
  directives: [
    ...librarySchema.getDirectives(),
    new GraphQLDirective({
      name: 'defer',
      locations: [DirectiveLocation.FRAGMENT_SPREAD, DirectiveLocation.INLINE_FRAGMENT],
      args: { if: { type: new GraphQLNonNull(GraphQLBoolean), defaultValue: true }, label: { type: GraphQLString } },
    }),
  ],
});

/** Choices that answer `chance` from a script, in order, and fail on any other draw or past its end. */
function scriptedChances(script: readonly boolean[]): Choices & { readonly left: () => number } {
  let next = 0;
  const refuse = () => {
    throw new Error('withRandomDefers should only draw chances');
  };
  return {
    chance() {
      const answer = script[next++];
      if (answer === undefined) throw new Error(`the script has ${script.length} chances, but a draw asked for more`);
      return answer;
    },
    integer: refuse,
    pick: refuse,
    weighted: refuse,
    left: () => script.length - next,
  };
}

/** Every label of the document's `@defer`s, in document order. */
function labelsOf(document: DocumentNode): string[] {
  const labels: string[] = [];
  visit(document, {
    Directive(directive) {
      const label = directive.arguments?.find((argument) => argument.name.value === 'label')?.value;
      if (directive.name.value === 'defer' && label?.kind === Kind.STRING) labels.push(label.value);
    },
  });
  return labels;
}

/** Whether a `@defer` sits at the root level of a mutation (inline fragments followed; the generator spreads none). */
function defersAtMutationRoot(document: DocumentNode): boolean {
  const atRoot = (selectionSet: SelectionSetNode): boolean =>
    selectionSet.selections.some(
      (selection) =>
        selection.kind !== Kind.FIELD &&
        (hasDefer(selection) || (selection.kind === Kind.INLINE_FRAGMENT && atRoot(selection.selectionSet))),
    );
  return document.definitions.some(
    (definition) =>
      definition.kind === Kind.OPERATION_DEFINITION &&
      definition.operation === OperationTypeNode.MUTATION &&
      atRoot(definition.selectionSet),
  );
}

/** The kinds of `@defer` a document shows, by name; what the feature test counts. */
function deferFeaturesOf(document: DocumentNode): Set<string> {
  const features = new Set<string>();
  visit(document, {
    OperationDefinition(operation) {
      if (operation.selectionSet.selections.some((selection) => selection.kind !== Kind.FIELD && hasDefer(selection)))
        features.add('at the root');
    },
    Directive(directive) {
      if (directive.name.value !== 'defer') return;
      const argument = (name: string) => directive.arguments?.find((candidate) => candidate.name.value === name);
      features.add(argument('label') ? 'labelled' : 'unlabelled');
      if (argument('if')) features.add('if: false');
    },
    InlineFragment(fragment, _key, _parent, _path, ancestors) {
      if (!hasDefer(fragment)) return;
      if (fragment.typeCondition) features.add('typed inline fragment');
      if (
        ancestors.some((ancestor) => 'kind' in ancestor && ancestor.kind === Kind.INLINE_FRAGMENT && hasDefer(ancestor))
      )
        features.add('nested');
    },
    FragmentSpread(spread) {
      if (hasDefer(spread)) features.add('fragment spread');
    },
  });
  return features;
}

describe('withRandomDefers', () => {
  it('wraps whole and partial selection sets, nests, and defers typed inline fragments as the draws say', () => {
    const document = parse(/* GraphQL */ `
      query Q {
        authors(order: ASC) {
          name
          books {
            id
            title
          }
        }
        node(id: "b1") {
          id
          ... on Book {
            pages
          }
        }
      }
    `);
    // Draws in the order the writer makes them: each selection set's children first, then the set itself.
    const choices = scriptedChances([
      // books: wrapped, whole, labelled d0, not if: false, not nested
      ...[true, true, true, false, false],
      // authors: not wrapped
      false,
      // ... on Book: deferred, unlabelled, if: false; its own set not wrapped
      ...[true, false, true, false],
      // node: wrapped, not whole (id out, the fragment in), labelled d1, not if: false, not nested
      ...[true, false, false, true, true, false, false],
      // root: wrapped, not whole (authors in, node out), unlabelled, not if: false, nested ...
      ...[true, false, true, false, false, false, true],
      // ... the one selection deferred again, labelled d2, not if: false, not nested
      ...[true, false, false],
    ]);
    const written = withRandomDefers(document, choices);
    expect(choices.left()).toBe(0);
    expect(print(written)).toBe(
      print(
        parse(/* GraphQL */ `
          query Q {
            node(id: "b1") {
              id
              ... @defer(label: "d1") {
                ... on Book @defer(if: false) {
                  pages
                }
              }
            }
            ... @defer {
              ... @defer(label: "d2") {
                authors(order: ASC) {
                  name
                  books {
                    ... @defer(label: "d0") {
                      id
                      title
                    }
                  }
                }
              }
            }
          }
        `),
      ),
    );
    expect(validate(schemaWithDefer, written)).toEqual([]);
  });

  it('defers fragment spreads, but nothing at the root of a mutation or in a fragment spread there', () => {
    const document = parse(/* GraphQL */ `
      mutation M {
        ...Added
      }
      fragment Added on Mutation {
        addBook(title: "t") {
          ...BookFields
        }
      }
      fragment BookFields on Book {
        id
      }
    `);
    // Draws: addBook's set: the spread deferred (labelled d0, not if: false), the set not wrapped; the root of
    // the mutation and of Added draw nothing; BookFields: wrapped (one selection: whole), unlabelled, not nested.
    const choices = scriptedChances([true, true, false, false, true, false, false, false]);
    expect(print(withRandomDefers(document, choices))).toBe(
      print(
        parse(/* GraphQL */ `
          mutation M {
            ...Added
          }
          fragment Added on Mutation {
            addBook(title: "t") {
              ...BookFields @defer(label: "d0")
            }
          }
          fragment BookFields on Book {
            ... @defer {
              id
            }
          }
        `),
      ),
    );
    expect(choices.left()).toBe(0);
  });

  it('writes valid documents with unique labels and no @defer at a mutation root, over generated operations', () => {
    const deferred = fc
      .tuple(arbitraryOperation(librarySchema, { mutations: true }), fc.gen())
      .map(([request, generate]) => withRandomDefers(parse(request.query), choicesFromGenerator(generate)));
    fc.assert(
      fc.property(deferred, (document) => {
        expect(validate(schemaWithDefer, document).map((error) => error.message)).toEqual([]);
        const labels = labelsOf(document);
        expect(new Set(labels).size).toBe(labels.length);
        expect(defersAtMutationRoot(document)).toBe(false);
      }),
      parameters,
    );
  });

  it('writes every kind of @defer in 300 generated operations, and leaves some without any', () => {
    const documents = fc.sample(
      fc
        .tuple(arbitraryOperation(librarySchema), fc.gen())
        .map(([request, generate]) => withRandomDefers(parse(request.query), choicesFromGenerator(generate))),
      { seed: parameters.seed, numRuns: 300 },
    );
    const counts = new Map<string, number>();
    for (const document of documents) {
      const features = deferFeaturesOf(document);
      for (const feature of features) counts.set(feature, (counts.get(feature) ?? 0) + 1);
      if (features.size === 0) counts.set('none', (counts.get('none') ?? 0) + 1);
    }
    const features = ['labelled', 'unlabelled', 'if: false', 'nested', 'typed inline fragment', 'fragment spread'];
    const wanted = [...features, 'at the root', 'none'];
    expect(Object.fromEntries(wanted.map((feature) => [feature, (counts.get(feature) ?? 0) >= 5]))).toEqual(
      Object.fromEntries(wanted.map((feature) => [feature, true])),
    );
  });
});
