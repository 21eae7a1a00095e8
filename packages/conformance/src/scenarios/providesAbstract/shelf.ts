import type { ScenarioSubgraph } from '../../harness/Scenario.js';
import { libraryAuthors, libraryPublications } from './library.js';

/**
 * The shelf lists publications and, on some of its fields, provides their titles and author names
 * (`@provides` with type conditions on an interface and a union, nested into the author) so a plan
 * can skip the library for them; any other field is a jump to the library.
 */
const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@external", "@provides"])

  interface Publication {
    id: ID!
  }

  type Book implements Publication @key(fields: "id") {
    id: ID!
    title: String! @external
    author: Author! @external
  }

  type Magazine implements Publication @key(fields: "id") {
    id: ID!
    title: String! @external
  }

  type Author @key(fields: "id") {
    id: ID!
    name: String! @external
  }

  union Shelved = Book | Magazine

  type Shelf @key(fields: "id") {
    id: ID!
    label: String!
    items: [Publication!]! @provides(fields: "... on Book { title }")
  }

  type Query {
    staffPicks: [Publication!]! @provides(fields: "... on Book { title author { name } } ... on Magazine { title }")
    "Newest first; a publication recalled since it arrived is null."
    newArrivals: [Shelved]! @provides(fields: "... on Book { title }")
    shelves: [Shelf!]!
    "Nothing is picked today: always null."
    pickOfTheDay: Publication @provides(fields: "... on Magazine { title }")
  }
`;

interface ShelfRecord {
  readonly id: string;
  readonly label: string;
  readonly itemIds: readonly string[];
}

const shelves: readonly ShelfRecord[] = [
  { id: 'sh1', label: 'Science fiction', itemIds: ['bk1', 'mg1', 'bk3'] },
  { id: 'sh2', label: 'Periodicals', itemIds: ['mg2', 'mg1'] },
  { id: 'sh3', label: 'Empty', itemIds: [] },
];

const authorById = new Map(libraryAuthors.map((author) => [author.id, author]));

/** A publication as the shelf answers it: key, the provided fields, and the author's key and provided name. */
function shelved(id: string): Record<string, unknown> {
  const publication = libraryPublications.find((candidate) => candidate.id === id)!;
  if (publication.__typename === 'Magazine') return { __typename: 'Magazine', id, title: publication.title };
  const author = authorById.get(publication.authorId)!;
  return { __typename: 'Book', id, title: publication.title, author: { id: author.id, name: author.name } };
}

/** The shelf subgraph of the providesAbstract scenario. */
export const shelfSubgraph: ScenarioSubgraph = {
  name: 'shelf',
  typeDefs,
  resolvers: {
    Query: {
      staffPicks: () => ['bk2', 'mg2', 'bk1'].map(shelved),
      newArrivals: () => [shelved('mg1'), null, shelved('bk3'), shelved('bk3')],
      shelves: () => shelves,
      pickOfTheDay: () => null,
    },
    Publication: {
      __resolveType: (publication: { __typename: string }) => publication.__typename,
    },
    Shelved: {
      __resolveType: (publication: { __typename: string }) => publication.__typename,
    },
    Shelf: {
      __resolveReference: ({ id }: { id: string }) => shelves.find((shelf) => shelf.id === id) ?? null,
      items: (shelf: ShelfRecord) => shelf.itemIds.map(shelved),
    },
  },
};
