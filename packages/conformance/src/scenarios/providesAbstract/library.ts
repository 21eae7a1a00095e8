import type { ScenarioSubgraph } from '../../harness/Scenario.js';

/** The library owns publications (books, magazines) and authors, and every one of their fields. */
const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])

  "Anything with a global id: publications and authors."
  interface Node {
    id: ID!
  }

  interface Publication implements Node {
    id: ID!
    title: String!
  }

  type Book implements Publication & Node @key(fields: "id") {
    id: ID!
    "Shareable: the shelf provides it."
    title: String! @shareable
    isbn: String!
    author: Author! @shareable
  }

  type Magazine implements Publication & Node @key(fields: "id") {
    id: ID!
    title: String! @shareable
    issue: Int!
  }

  type Author implements Node @key(fields: "id") {
    id: ID!
    name: String! @shareable
    "Year of birth; null when unknown."
    born: Int
  }

  type Query {
    publication(id: ID!): Publication
    node(id: ID!): Node
    nodes(ids: [ID!]!): [Node]!
  }
`;

interface BookRecord {
  readonly __typename: 'Book';
  readonly id: string;
  readonly title: string;
  readonly isbn: string;
  readonly authorId: string;
}

interface MagazineRecord {
  readonly __typename: 'Magazine';
  readonly id: string;
  readonly title: string;
  readonly issue: number;
}

type PublicationRecord = BookRecord | MagazineRecord;

interface AuthorRecord {
  readonly id: string;
  readonly name: string;
  readonly born: number | null;
}

/** The shelf subgraph repeats titles and author names it provides: they must agree with these. */
export const libraryPublications: readonly PublicationRecord[] = [
  { __typename: 'Book', id: 'bk1', title: 'The Dispossessed', isbn: '978-0-06-051275-0', authorId: 'au1' },
  { __typename: 'Magazine', id: 'mg1', title: 'Analog, May', issue: 5 },
  { __typename: 'Book', id: 'bk2', title: 'Kindred', isbn: '978-0-8070-8305-3', authorId: 'au2' },
  { __typename: 'Magazine', id: 'mg2', title: 'Locus, June', issue: 6 },
  { __typename: 'Book', id: 'bk3', title: 'The Word for World Is Forest', isbn: '978-0-7653-2464-9', authorId: 'au1' },
];

/** Authors, by id; see {@link libraryPublications}. */
export const libraryAuthors: readonly AuthorRecord[] = [
  { id: 'au1', name: 'Ursula K. Le Guin', born: 1929 },
  { id: 'au2', name: 'Octavia E. Butler', born: null },
];

const publicationById = new Map(libraryPublications.map((publication) => [publication.id, publication]));
const authorById = new Map(libraryAuthors.map((author) => [author.id, author]));

function nodeById(id: string): PublicationRecord | AuthorRecord | null {
  return publicationById.get(id) ?? authorById.get(id) ?? null;
}

function publicationOfType(typename: PublicationRecord['__typename'], id: string): PublicationRecord | null {
  const publication = publicationById.get(id);
  return publication?.__typename === typename ? publication : null;
}

/** The library subgraph of the providesAbstract scenario. */
export const librarySubgraph: ScenarioSubgraph = {
  name: 'library',
  typeDefs,
  resolvers: {
    Query: {
      publication: (_: unknown, { id }: { id: string }) => publicationById.get(id) ?? null,
      node: (_: unknown, { id }: { id: string }) => nodeById(id),
      nodes: (_: unknown, { ids }: { ids: string[] }) => ids.map(nodeById),
    },
    Publication: {
      __resolveType: (publication: PublicationRecord) => publication.__typename,
    },
    Node: {
      __resolveType: (node: PublicationRecord | AuthorRecord) => ('__typename' in node ? node.__typename : 'Author'),
    },
    Book: {
      __resolveReference: ({ id }: { id: string }) => publicationOfType('Book', id),
      author: (book: BookRecord) => authorById.get(book.authorId),
    },
    Magazine: {
      __resolveReference: ({ id }: { id: string }) => publicationOfType('Magazine', id),
    },
    Author: {
      __resolveReference: ({ id }: { id: string }) => authorById.get(id) ?? null,
    },
  },
};
