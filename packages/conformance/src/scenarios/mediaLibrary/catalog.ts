import type { ScenarioSubgraph } from '../../harness/Scenario.js';

/**
 * The catalog owns books, movies and authors, and sees `Media` as books, movies and pamphlets (which
 * clients cannot see): it has never heard of the podcasts the reviews subgraph adds to the interface.
 */
const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@inaccessible"])

  interface Media {
    id: ID!
    title: String!
    "Year of release; null when unknown."
    year: Int
  }

  type Book implements Media @key(fields: "id") {
    id: ID!
    title: String!
    year: Int
    pages: Int!
    author: Author
    "The ISBN registry is down for b2: its resolver throws."
    isbn: String
  }

  "Hidden from clients: an interface field that returns one yields an invalid __typename."
  type Pamphlet implements Media @key(fields: "id") @inaccessible {
    id: ID!
    title: String!
    year: Int
  }

  type Movie implements Media @key(fields: "id") {
    id: ID!
    title: String!
    year: Int
    runtimeMinutes: Int!
    director: Director
  }

  type Author @key(fields: "id") {
    id: ID!
    name: String!
    "Books and films of this author's work, in order of release."
    works: [Media!]!
  }

  "A value type: no key, only reachable through a movie."
  type Director {
    name: String!
  }

  type Query {
    media(id: ID!): Media
    allMedia: [Media!]!
    "One entry per id, in order: null where the id is unknown, repeated where an id is."
    mediaByIds(ids: [ID!]!): [Media]!
    "Nothing is featured this week: always null."
    featuredMedia: Media
    author(id: ID!): Author
    "Old stock, a pamphlet among it: its entry is null for clients, who cannot see that type."
    archive: [Media]
    "Shelves of media, row by row: an empty row, a missing row (null), a gap in a row (null)."
    mediaGrid: [[Media]]
  }
`;

interface BookRecord {
  readonly __typename: 'Book';
  readonly id: string;
  readonly title: string;
  readonly year: number | null;
  readonly pages: number;
  readonly authorId: string | null;
  readonly isbn: string;
}

interface MovieRecord {
  readonly __typename: 'Movie';
  readonly id: string;
  readonly title: string;
  readonly year: number | null;
  readonly runtimeMinutes: number;
  readonly director: { readonly name: string } | null;
}

type MediaRecord = BookRecord | MovieRecord;

interface AuthorRecord {
  readonly id: string;
  readonly name: string;
  readonly workIds: readonly string[];
}

const media: readonly MediaRecord[] = [
  { __typename: 'Book', id: 'b1', title: 'Dune', year: 1965, pages: 412, authorId: 'a1', isbn: '978-0-441-01359-3' },
  {
    __typename: 'Movie',
    id: 'm1',
    title: 'Dune',
    year: 2021,
    runtimeMinutes: 155,
    director: { name: 'Denis Villeneuve' },
  },
  { __typename: 'Book', id: 'b2', title: 'Solaris', year: 1961, pages: 204, authorId: 'a2', isbn: '978-0-15-602760-1' },
  {
    __typename: 'Movie',
    id: 'm2',
    title: 'Solaris',
    year: 1972,
    runtimeMinutes: 167,
    director: { name: 'Andrei Tarkovsky' },
  },
  {
    __typename: 'Book',
    id: 'b3',
    title: 'Anonymous Stories',
    year: null,
    pages: 96,
    authorId: null,
    isbn: '978-0-00-000000-2',
  },
  { __typename: 'Movie', id: 'm3', title: 'Untitled Short', year: null, runtimeMinutes: 12, director: null },
];

const authors: readonly AuthorRecord[] = [
  { id: 'a1', name: 'Frank Herbert', workIds: ['b1', 'm1'] },
  { id: 'a2', name: 'Stanisław Lem', workIds: ['b2', 'm2'] },
];

const mediaById = new Map(media.map((item) => [item.id, item]));
const authorById = new Map(authors.map((author) => [author.id, author]));

interface PamphletRecord {
  readonly __typename: 'Pamphlet';
  readonly id: string;
  readonly title: string;
  readonly year: number | null;
}

const archive: readonly (MediaRecord | PamphletRecord)[] = [
  mediaById.get('b3')!,
  { __typename: 'Pamphlet', id: 'pm1', title: 'How to Shelve', year: 1990 },
  mediaById.get('m3')!,
];

const mediaGrid: readonly (readonly (MediaRecord | null)[] | null)[] = [
  [mediaById.get('b1')!, null, mediaById.get('m2')!],
  null,
  [],
  [mediaById.get('b2')!, mediaById.get('m1')!, mediaById.get('b1')!],
];

/** The catalog subgraph of the mediaLibrary scenario. */
export const catalogSubgraph: ScenarioSubgraph = {
  name: 'catalog',
  typeDefs,
  resolvers: {
    Query: {
      media: (_: unknown, { id }: { id: string }) => mediaById.get(id) ?? null,
      allMedia: () => media,
      mediaByIds: (_: unknown, { ids }: { ids: string[] }) => ids.map((id) => mediaById.get(id) ?? null),
      featuredMedia: () => null,
      author: (_: unknown, { id }: { id: string }) => authorById.get(id) ?? null,
      archive: () => archive,
      mediaGrid: () => mediaGrid,
    },
    Media: {
      __resolveType: (item: MediaRecord | PamphletRecord) => item.__typename,
    },
    Book: {
      __resolveReference: ({ id }: { id: string }) =>
        mediaById.get(id)?.__typename === 'Book' ? mediaById.get(id) : null,
      author: (book: BookRecord) => (book.authorId ? authorById.get(book.authorId) : null),
      isbn: (book: BookRecord) => {
        if (book.id === 'b2') throw new Error('The ISBN registry did not answer.');
        return book.isbn;
      },
    },
    Movie: {
      __resolveReference: ({ id }: { id: string }) =>
        mediaById.get(id)?.__typename === 'Movie' ? mediaById.get(id) : null,
    },
    Pamphlet: {
      __resolveReference: ({ id }: { id: string }) =>
        archive.find((item) => item.__typename === 'Pamphlet' && item.id === id) ?? null,
    },
    Author: {
      __resolveReference: ({ id }: { id: string }) => authorById.get(id) ?? null,
      works: (author: AuthorRecord) => author.workIds.map((id) => mediaById.get(id)),
    },
  },
};
