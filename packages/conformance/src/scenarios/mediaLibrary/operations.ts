import type { ScenarioOperation } from '../../harness/Scenario.js';

/** Operations over interfaces and unions whose implementations and members live in different subgraphs. */
export const mediaLibraryOperations: readonly ScenarioOperation[] = [
  {
    name: 'interface fields selected directly on a list from the owning subgraph',
    query: /* GraphQL */ `
      {
        allMedia {
          id
          title
          year
        }
      }
    `,
  },
  {
    name: 'interface field every implementation gets from another subgraph',
    query: /* GraphQL */ `
      {
        allMedia {
          id
          rating
        }
      }
    `,
  },
  {
    name: '__typename on an interface list, plain and aliased',
    query: /* GraphQL */ `
      {
        allMedia {
          __typename
          kind: __typename
          id
        }
      }
    `,
  },
  {
    name: 'inline fragments on implementations mixing fields of two subgraphs',
    query: /* GraphQL */ `
      {
        allMedia {
          title
          ... on Book {
            pages
            author {
              name
            }
          }
          ... on Movie {
            runtimeMinutes
            director {
              name
            }
          }
          rating
        }
      }
    `,
  },
  {
    name: 'inline fragment on the interface itself and one without a type condition',
    query: /* GraphQL */ `
      {
        allMedia {
          ... on Media {
            id
            title
          }
          ... {
            year
          }
        }
      }
    `,
  },
  {
    name: 'named fragment on the interface spanning two subgraphs',
    query: /* GraphQL */ `
      query MediaCards {
        allMedia {
          ...MediaCard
        }
      }

      fragment MediaCard on Media {
        __typename
        id
        title
        rating
        reviews {
          stars
        }
      }
    `,
  },
  {
    name: 'named fragments on implementations spread from a fragment on the interface',
    query: /* GraphQL */ `
      query Shelf {
        allMedia {
          ...MediaDetails
        }
      }

      fragment MediaDetails on Media {
        id
        ...BookDetails
        ...MovieDetails
      }

      fragment BookDetails on Book {
        pages
        author {
          id
          name
        }
      }

      fragment MovieDetails on Movie {
        runtimeMinutes
        director {
          name
        }
        rating
      }
    `,
  },
  {
    name: 'the same field from the interface and from an implementation fragment, merged',
    query: /* GraphQL */ `
      {
        allMedia {
          title
          ... on Book {
            title
            reviews {
              body
            }
          }
          ... on Media {
            reviews {
              stars
            }
          }
        }
      }
    `,
  },
  {
    name: 'nullable interface field that is null',
    query: /* GraphQL */ `
      {
        featuredMedia {
          __typename
          id
          title
          rating
        }
      }
    `,
  },
  {
    name: 'interface by id as a book, a movie and an unknown id, aliased',
    query: /* GraphQL */ `
      {
        book: media(id: "b2") {
          __typename
          title
          ... on Book {
            pages
          }
        }
        movie: media(id: "m2") {
          __typename
          title
          ... on Movie {
            runtimeMinutes
          }
        }
        missing: media(id: "x9") {
          __typename
          title
        }
      }
    `,
  },
  {
    name: 'list of an interface with nulls and duplicates, rated in another subgraph',
    query: /* GraphQL */ `
      {
        mediaByIds(ids: ["m1", "nope", "b1", "m1", "b3", "nope"]) {
          __typename
          id
          title
          rating
          ... on Book {
            author {
              name
            }
          }
        }
      }
    `,
  },
  {
    name: 'abstract list nested in an entity, with a jump from each item',
    query: /* GraphQL */ `
      {
        author(id: "a2") {
          name
          works {
            __typename
            title
            year
            rating
            reviews {
              body
            }
          }
        }
      }
    `,
  },
  {
    name: 'interface list from the subgraph that knows an implementation the other does not',
    query: /* GraphQL */ `
      {
        topRated {
          __typename
          id
          title
          year
          rating
          ... on Podcast {
            episodes
          }
          ... on Book {
            pages
          }
        }
      }
    `,
  },
  {
    name: 'fragment on an implementation the field subgraph never returns',
    query: /* GraphQL */ `
      {
        allMedia {
          id
          ... on Podcast {
            episodes
            title
          }
        }
      }
    `,
  },
  {
    name: 'abstract field of a value type pointing back into the catalog, three jumps deep',
    query: /* GraphQL */ `
      {
        latestReview {
          stars
          subject {
            __typename
            title
            ... on Book {
              author {
                name
                works {
                  title
                  rating
                }
              }
            }
          }
        }
      }
    `,
  },
  {
    name: 'union mixing members of two owners, with a null hit',
    query: /* GraphQL */ `
      {
        search(term: "dune") {
          __typename
          ... on Book {
            title
            pages
          }
          ... on Movie {
            title
            rating
          }
          ... on Podcast {
            title
            episodes
          }
          ... on Author {
            name
          }
        }
      }
    `,
  },
  {
    name: 'union members selected through a fragment on the interface',
    query: /* GraphQL */ `
      {
        search(term: "solaris") {
          ... on Media {
            __typename
            id
            title
            rating
          }
          ... on Author {
            name
          }
        }
      }
    `,
  },
  {
    name: 'only __typename on a union list with a duplicate member',
    query: /* GraphQL */ `
      {
        search(term: "solaris") {
          __typename
        }
      }
    `,
  },
  {
    name: 'union hit whose owner cannot find the entity',
    query: /* GraphQL */ `
      {
        search(term: "ghost") {
          __typename
          ... on Book {
            id
            title
          }
          ... on Movie {
            id
            title
          }
        }
      }
    `,
  },
  {
    name: 'union search with no hit',
    query: /* GraphQL */ `
      {
        search(term: "nothing") {
          __typename
          ... on Book {
            title
          }
        }
      }
    `,
  },
  {
    name: 'named fragments on union members and on the interface, nested abstract lists',
    query: /* GraphQL */ `
      query SearchPage($term: String!) {
        search(term: $term) {
          ...HitCard
        }
      }

      fragment HitCard on SearchHit {
        __typename
        ...AuthorHit
        ...MediaHit
      }

      fragment AuthorHit on Author {
        name
        works {
          ...MediaHit
        }
      }

      fragment MediaHit on Media {
        id
        title
        rating
      }
    `,
    variables: { term: 'dune' },
  },
  {
    name: 'one alias for different Int fields under two implementations',
    query: /* GraphQL */ `
      {
        allMedia {
          id
          ... on Book {
            size: pages
          }
          ... on Movie {
            size: runtimeMinutes
          }
        }
      }
    `,
  },
  {
    name: 'one alias for object fields of different types under two implementations',
    query: /* GraphQL */ `
      {
        allMedia {
          title
          ... on Book {
            creator: author {
              name
            }
          }
          ... on Movie {
            creator: director {
              name
            }
          }
        }
      }
    `,
  },
  {
    name: 'one alias for fields of two subgraphs under union members',
    query: /* GraphQL */ `
      {
        search(term: "dune") {
          ... on Book {
            count: pages
            label: title
          }
          ... on Podcast {
            count: episodes
            label: title
          }
          ... on Author {
            label: name
          }
        }
      }
    `,
  },
  {
    name: 'one alias for fields of conflicting types under two implementations is refused',
    query: /* GraphQL */ `
      {
        allMedia {
          ... on Book {
            size: pages
          }
          ... on Movie {
            size: title
          }
        }
      }
    `,
  },
  {
    name: 'fragments on implementations behind @include and @skip with variables and a default',
    query: /* GraphQL */ `
      query Filtered($withBooks: Boolean = true, $skipMovies: Boolean!) {
        allMedia {
          id
          ... on Book @include(if: $withBooks) {
            pages
            rating
          }
          ... on Movie @skip(if: $skipMovies) {
            runtimeMinutes
            rating
          }
        }
      }
    `,
    variables: { skipMovies: true },
  },
  {
    name: 'interface field of another subgraph behind @skip with a literal',
    query: /* GraphQL */ `
      {
        topRated {
          id
          rating @skip(if: true)
          title @include(if: true)
        }
      }
    `,
  },
  {
    name: 'several operations, operationName picks the union one',
    query: /* GraphQL */ `
      query Everything {
        allMedia {
          id
        }
      }

      query Hits {
        search(term: "solaris") {
          __typename
          ... on Media {
            title
          }
        }
      }
    `,
    operationName: 'Hits',
  },
  {
    name: 'two inline fragments on one implementation around another field: response key order',
    query: /* GraphQL */ `
      {
        allMedia {
          ... on Book {
            pages
          }
          id
          ... on Book {
            year
          }
          ... on Movie {
            runtimeMinutes
          }
          title
          ... on Movie {
            rating
          }
        }
      }
    `,
  },
  {
    name: 'interface field and implementation fragment in document order: response key order',
    query: /* GraphQL */ `
      {
        search(term: "dune") {
          ... on Book {
            title
          }
          __typename
          ... on Media {
            id
            title
          }
          ... on Book {
            rating
          }
        }
      }
    `,
  },
  {
    name: 'fragment on a union inside an interface position',
    query: /* GraphQL */ `
      {
        topRated {
          id
          ... on SearchHit {
            __typename
            ... on Book {
              pages
            }
            ... on Podcast {
              episodes
            }
          }
        }
      }
    `,
  },
  {
    name: 'named fragment spreads on implementations behind @include and @skip with variables',
    query: /* GraphQL */ `
      query Cards($books: Boolean!, $movies: Boolean!) {
        allMedia {
          id
          ...BookCard @include(if: $books)
          ...MovieCard @skip(if: $movies)
        }
      }

      fragment BookCard on Book {
        pages
        rating
      }

      fragment MovieCard on Movie {
        runtimeMinutes
        reviews {
          stars
        }
      }
    `,
    variables: { books: false, movies: false },
  },
  {
    name: 'error of a duplicated union member entity among members of other types: error paths',
    query: /* GraphQL */ `
      {
        search(term: "solaris") {
          __typename
          ... on Book {
            id
            isbn
          }
          ... on Movie {
            title
          }
        }
      }
    `,
  },
  {
    name: 'error of one implementation entity in an interface list: error path',
    query: /* GraphQL */ `
      {
        topRated {
          id
          ... on Book {
            isbn
          }
        }
      }
    `,
  },
  {
    name: 'interface list with an implementation hidden from clients (@inaccessible)',
    query: /* GraphQL */ `
      {
        archive {
          __typename
          id
          title
          rating
        }
      }
    `,
  },
  {
    name: 'non-null abstract field whose entity its owner removed: null through two levels',
    query: /* GraphQL */ `
      {
        review(id: "r0") {
          stars
          subject {
            __typename
            title
          }
        }
        latestReview {
          id
        }
      }
    `,
  },
  {
    name: 'list of lists of an interface with null rows and gaps, a jump from each item',
    query: /* GraphQL */ `
      {
        mediaGrid {
          __typename
          title
          rating
          ... on Movie {
            director {
              name
            }
          }
        }
      }
    `,
  },
  {
    name: 'error of one entity in a list of lists of an interface: error path',
    query: /* GraphQL */ `
      {
        mediaGrid {
          id
          ... on Book {
            isbn
          }
        }
      }
    `,
  },
  {
    name: 'implementation field selected on the interface without a fragment is refused',
    query: /* GraphQL */ `
      {
        allMedia {
          pages
        }
      }
    `,
  },
  {
    name: 'fragment on a type outside the union is refused',
    query: /* GraphQL */ `
      {
        search(term: "dune") {
          ... on Review {
            stars
          }
        }
      }
    `,
  },
  {
    name: 'union field with a wrong argument type is refused',
    query: /* GraphQL */ `
      {
        search(term: 5) {
          __typename
        }
      }
    `,
  },
  {
    name: 'issue #23 - a fragment on a union the serving subgraph lacks, spread in an object of another subgraph',
    query: /* GraphQL */ `
      {
        author(id: "a2") {
          ... on SearchHit {
            __typename
          }
        }
      }
    `,
  },
];
