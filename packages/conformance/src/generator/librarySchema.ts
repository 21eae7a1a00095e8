import { buildSchema } from 'graphql';

/**
 * A small schema of our own for the generator's tests, holding every shape it must handle:
 * interfaces (one implementing another), unions (one mixing unrelated types), a field of the same
 * name typed differently on two union members, enums, input objects (nested, recursive, @oneOf),
 * lists (nested), non-null, required and optional arguments (with defaults), a custom scalar and
 * a Mutation root.
 */
export const librarySchema = buildSchema(/* GraphQL */ `
  scalar DateTime

  enum Genre {
    FICTION
    SCIENCE
    HISTORY
  }

  enum SortOrder {
    ASC
    DESC
  }

  interface Node {
    id: ID!
  }

  interface Media implements Node {
    id: ID!
    title(upper: Boolean = false): String!
    related(first: Int = 2): [Media!]!
  }

  interface Priced {
    price(currency: String! = "EUR"): Float
  }

  type Book implements Node & Media & Priced {
    id: ID!
    title(upper: Boolean = false): String!
    related(first: Int = 2): [Media!]!
    price(currency: String! = "EUR"): Float
    pages: Int
    size: Int
    author: Author!
    genre: Genre
  }

  type Movie implements Node & Media {
    id: ID!
    title(upper: Boolean = false): String!
    related(first: Int = 2): [Media!]!
    minutes: Int!
    size: String
    cast(limit: Int!): [Author]
  }

  type Author implements Node {
    id: ID!
    name: String!
    books(genre: Genre, order: SortOrder = ASC): [Book!]
    born: DateTime
  }

  type Toy implements Priced {
    price(currency: String! = "EUR"): Float
    name: String!
  }

  union SearchResult = Book | Movie | Author
  union Shelf = Book | Toy

  input Range {
    min: Int!
    max: Int = 10
  }

  input SearchFilter {
    genres: [Genre!]
    range: Range
    text: String
    and: [SearchFilter!]
    since: DateTime
  }

  input Locator @oneOf {
    id: ID
    isbn: String
  }

  type Query {
    node(id: ID!): Node
    media(ids: [ID!]!): [Media]!
    search(term: String!, filter: SearchFilter, limit: Int = 5): [SearchResult!]!
    shelf: [Shelf]
    find(by: Locator!): Book
    authors(order: SortOrder!, bornAfter: DateTime): [Author!]!
    publishedSince(at: DateTime!): [Media!]!
    echo(values: [[Int]], flags: [Boolean!]!): String
  }

  type Mutation {
    addBook(title: String!, genre: Genre = FICTION): Book!
  }
`);
