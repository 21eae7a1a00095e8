import type { ScenarioSubgraph } from '../../harness/Scenario.js';

/**
 * Search returns a union whose members are entities owned elsewhere (books, movies and authors by
 * the catalog, podcasts by reviews): it knows their keys only, so every field but `id` is a jump.
 */
const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Book @key(fields: "id", resolvable: false) {
    id: ID!
  }

  type Movie @key(fields: "id", resolvable: false) {
    id: ID!
  }

  type Podcast @key(fields: "id", resolvable: false) {
    id: ID!
  }

  type Author @key(fields: "id", resolvable: false) {
    id: ID!
  }

  union SearchHit = Book | Movie | Podcast | Author

  type Query {
    "Hits in order of relevance; a hit withdrawn since indexing is null."
    search(term: String!): [SearchHit]!
  }
`;

interface Hit {
  readonly __typename: 'Book' | 'Movie' | 'Podcast' | 'Author';
  readonly id: string;
}

const hitsByTerm: Readonly<Record<string, readonly (Hit | null)[]>> = {
  dune: [
    { __typename: 'Book', id: 'b1' },
    { __typename: 'Movie', id: 'm1' },
    null,
    { __typename: 'Author', id: 'a1' },
    { __typename: 'Podcast', id: 'p1' },
  ],
  solaris: [
    { __typename: 'Movie', id: 'm2' },
    { __typename: 'Book', id: 'b2' },
    { __typename: 'Podcast', id: 'p2' },
    { __typename: 'Author', id: 'a2' },
    { __typename: 'Book', id: 'b2' },
  ],
  // Indexed before the catalog removed it: the catalog answers null for b404.
  ghost: [
    { __typename: 'Book', id: 'b404' },
    { __typename: 'Movie', id: 'm3' },
  ],
};

/** The search subgraph of the mediaLibrary scenario. */
export const searchSubgraph: ScenarioSubgraph = {
  name: 'search',
  typeDefs,
  resolvers: {
    Query: {
      search: (_: unknown, { term }: { term: string }) => hitsByTerm[term.toLowerCase()] ?? [],
    },
    SearchHit: {
      __resolveType: (hit: Hit) => hit.__typename,
    },
  },
};
