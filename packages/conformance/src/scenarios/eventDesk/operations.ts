import type { ScenarioOperation } from '../../harness/Scenario.js';

/**
 * What a request carries: variables (defaults the client omits, explicit nulls, lists, input
 * objects, enums, custom scalars), `@skip`/`@include` driven by them, documents of several
 * operations and the `operationName` that picks one, and introspection beside ordinary fields.
 *
 * Events by start: e5 Open Mic (03-15, free, no venue), e2 GraphQL in Practice (04-10, free, v2),
 * e3 Pottery Basics (04-20, v3 unknown to venues), e1 Jazz Night (05-01, v1), e4 Federation Deep
 * Dive (06-02, free, v2).
 */
export const eventDeskOperations: readonly ScenarioOperation[] = [
  {
    name: 'schema defaults apply to arguments the client leaves out',
    query: /* GraphQL */ `
      query FirstEvents {
        events { id title startsAt }
      }
    `,
  },
  {
    name: 'variables with defaults the client omits',
    query: /* GraphQL */ `
      query LatestEvents($first: Int = 2, $order: SortOrder = DESC) {
        events(first: $first, order: $order) { id startsAt }
      }
    `,
  },
  {
    name: 'an explicit null overrides a variable default',
    query: /* GraphQL */ `
      query AllEvents($first: Int = 2, $order: SortOrder = DESC) {
        events(first: $first, order: $order) { id }
      }
    `,
    variables: { first: null },
  },
  {
    name: 'an input object variable with a list of enums, a custom scalar, and a default field left out',
    query: /* GraphQL */ `
      query FilteredEvents($filter: EventFilter) {
        events(filter: $filter, first: null) { id kind startsAt free }
      }
    `,
    variables: { filter: { kinds: ['TALK', 'CONCERT'], after: '2026-04-01T00:00:00Z' } },
  },
  {
    name: 'an inline input object built from variables: one given, one omitted, one defaulted',
    query: /* GraphQL */ `
      query InlineFilter($kinds: [EventKind!], $text: String, $free: Boolean = true) {
        events(filter: { kinds: $kinds, titleContains: $text, onlyFree: $free }, first: 10) { id title }
      }
    `,
    variables: { kinds: ['TALK', 'CONCERT'] },
  },
  {
    name: 'omitted, explicitly null and defaulted arguments reach the subgraph as such',
    query: /* GraphQL */ `
      query ArgumentsSeen($count: Int, $label: String = "variable default", $kinds: [EventKind], $at: DateTime) {
        omitted: argumentsSeen
        fromVariables: argumentsSeen(count: $count, label: $label, kinds: $kinds, at: $at)
        literalNulls: argumentsSeen(count: null, label: null, kinds: null)
      }
    `,
    variables: { kinds: null, at: '2026-05-01T19:00:00Z' },
  },
  {
    name: 'a single value given for a list, as a literal and as a variable, is coerced to a list',
    query: /* GraphQL */ `
      query SingleValueLists($kinds: [EventKind]) {
        literal: argumentsSeen(kinds: TALK)
        variable: argumentsSeen(kinds: $kinds)
        nested: argumentsSeen(filter: { kinds: WORKSHOP, tags: "craft" })
      }
    `,
    variables: { kinds: 'CONCERT' },
  },
  {
    name: 'an input object variable seen whole by the subgraph, with its default field filled in',
    query: /* GraphQL */ `
      query FilterSeen($filter: EventFilter) {
        argumentsSeen(filter: $filter)
      }
    `,
    variables: { filter: { tags: ['music'], titleContains: null } },
  },
  {
    name: 'JSON values passed through: a variable, and a literal object with a variable inside',
    query: /* GraphQL */ `
      query Echo($value: JSON, $inner: JSON) {
        fromVariable: echo(value: $value)
        literal: echo(value: { a: 1, b: [true, null, "x"], c: $inner, d: { e: 2.5 } })
        scalar: echo(value: "plain")
        none: echo
      }
    `,
    variables: { value: { list: [1, { deep: [null] }], text: 'ünïcode', n: -0.5 }, inner: ['in', { side: true }] },
  },
  {
    name: 'JSON and DateTime outputs of entities of every shape',
    query: /* GraphQL */ `
      query Details {
        events(first: null) { id startsAt details }
      }
    `,
  },
  {
    name: 'a DateTime literal the subgraph refuses',
    query: /* GraphQL */ `
      query BadInstantLiteral {
        events(filter: { after: "yesterday" }) { id }
      }
    `,
  },
  {
    name: 'issue: @include with a variable defaulting to true, omitted by the client, on a root field',
    query: /* GraphQL */ `
      query IncludedByDefault($withEvents: Boolean = true) {
        tiers
        events @include(if: $withEvents) { id }
      }
    `,
  },
  {
    name: 'issue: @include with a variable defaulting to true, omitted, in a single-subgraph operation',
    query: /* GraphQL */ `
      query TitlesByDefault($withTitle: Boolean = true, $skipTags: Boolean = false) {
        events {
          id
          title @include(if: $withTitle)
          tags @skip(if: $skipTags)
        }
      }
    `,
  },
  {
    name: '@include with a defaulted variable on a field of another subgraph (a conditional fetch)',
    query: /* GraphQL */ `
      query VenueByDefault($withVenue: Boolean = true) {
        events {
          title
          venue @include(if: $withVenue) { name city }
        }
      }
    `,
  },
  {
    name: '@skip with a variable defaulting to false, omitted, on entity fields of two subgraphs',
    query: /* GraphQL */ `
      query PricesUnlessSkipped($skipTickets: Boolean = false, $skipVenue: Boolean = false) {
        events(first: 2) {
          title
          price @skip(if: $skipTickets)
          seatsLeft @skip(if: $skipTickets)
          venue @skip(if: $skipVenue) { name }
        }
      }
    `,
  },
  {
    name: '@include and @skip with defaulted variables on fragment spreads and inline fragments',
    query: /* GraphQL */ `
      query Fragments($withTickets: Boolean = true, $skipPlace: Boolean = false, $withDetails: Boolean = false) {
        events(first: 3) {
          id
          ...Tickets @include(if: $withTickets)
          ... @skip(if: $skipPlace) {
            venue { name }
          }
          ... on Event @include(if: $withDetails) {
            details
          }
        }
      }

      fragment Tickets on Event {
        price(tier: VIP)
        seatsLeft(tiers: [VIP])
      }
    `,
  },
  {
    name: 'defaulted @include and @skip variables overridden by the client',
    query: /* GraphQL */ `
      query Overridden($withVenue: Boolean = true, $skipTickets: Boolean = false, $withDetails: Boolean = false) {
        events(first: 3) {
          id
          venue @include(if: $withVenue) { name }
          price @skip(if: $skipTickets)
          details @include(if: $withDetails)
        }
      }
    `,
    variables: { withVenue: false, skipTickets: true, withDetails: true },
  },
  {
    name: 'literal @skip and @include, and both on one field',
    query: /* GraphQL */ `
      query Literals($yes: Boolean = true) {
        events(first: 2) {
          id
          skipped: title @skip(if: true)
          kept: title @include(if: true)
          dropped: price @include(if: false)
          both: venue @include(if: $yes) @skip(if: false) { name }
          neither: seatsLeft @include(if: $yes) @skip(if: $yes)
        }
      }
    `,
  },
  {
    name: 'every field of a subgraph excluded by a defaulted variable: no fetch of it at all',
    query: /* GraphQL */ `
      query NoVenues($withVenue: Boolean = false) {
        event(id: "e1") {
          title
          venue @include(if: $withVenue) { name capacity }
        }
      }
    `,
  },
  {
    name: 'entity field arguments from variables with defaults, one omitted without default',
    query: /* GraphQL */ `
      query Prices($tier: Tier = VIP, $currency: String) {
        events(first: null) {
          id
          price(tier: $tier, currency: $currency)
          standard: price
          inNok: price(currency: "NOK", tier: STUDENT)
        }
      }
    `,
  },
  {
    name: 'a list argument of an entity field: explicit null, a list, and omitted',
    query: /* GraphQL */ `
      query Seats($none: [Tier!], $some: [Tier!]) {
        events(first: 3) {
          id
          all: seatsLeft(tiers: $none)
          some: seatsLeft(tiers: $some)
          omitted: seatsLeft
        }
      }
    `,
    variables: { none: null, some: ['VIP', 'STUDENT'] },
  },
  {
    name: 'omitted, explicitly null and defaulted arguments reach an entity fetch as such',
    query: /* GraphQL */ `
      query TicketArguments($tier: Tier, $note: String = "variable default", $limit: Int) {
        event(id: "e2") {
          omitted: ticketArgumentsSeen
          fromVariables: ticketArgumentsSeen(tier: $tier, note: $note, limit: $limit)
          literal: ticketArgumentsSeen(tier: STUDENT, note: null, limit: 3)
        }
      }
    `,
    variables: { limit: null },
  },
  {
    name: 'one defaulted variable used by the root fetch and by an entity fetch of another subgraph',
    query: /* GraphQL */ `
      query SharedVariable($label: String = "shared default", $count: Int) {
        argumentsSeen(label: $label, count: $count)
        event(id: "e4") { title ticketArgumentsSeen(note: $label, limit: $count) }
      }
    `,
  },
  {
    name: 'an unknown id at the root: null, no entity fetch follows',
    query: /* GraphQL */ `
      query MissingEvent($id: ID!) {
        event(id: $id) { title venue { name } price }
      }
    `,
    variables: { id: 'e9' },
  },
  {
    name: 'an entity whose venue is unknown to the venues subgraph and one without venue',
    query: /* GraphQL */ `
      query Venues {
        events(first: null, order: DESC) { id venue { id name city capacity } }
      }
    `,
  },
  {
    name: 'operationName picks a single-subgraph operation of a document of several',
    query: /* GraphQL */ `
      query EventTitles {
        events(first: 2) { ...Basics }
      }

      query EventPages($id: ID!) {
        event(id: $id) { ...Basics ...Page }
      }

      fragment Basics on Event {
        id
        title
      }

      fragment Page on Event {
        venue { name city }
        price(tier: VIP)
      }
    `,
    operationName: 'EventTitles',
  },
  {
    name: 'operationName picks the operation spanning three subgraphs, its variables only',
    query: /* GraphQL */ `
      query EventTitles($unused: Int!) {
        events(first: $unused) { ...Basics }
      }

      query EventPages($id: ID!) {
        event(id: $id) { ...Basics ...Page }
      }

      fragment Basics on Event {
        id
        title
      }

      fragment Page on Event {
        venue { name city }
        price(tier: VIP)
      }
    `,
    variables: { id: 'e1' },
    operationName: 'EventPages',
  },
  {
    name: 'operationName picks a query of a document whose other operation is introspection only',
    query: /* GraphQL */ `
      query Schema {
        __schema { queryType { name } }
      }

      query Tiers {
        tiers
        __typename
      }
    `,
    operationName: 'Tiers',
  },
  {
    name: 'operationName names an operation the document lacks',
    query: /* GraphQL */ `
      query EventTitles {
        events { title }
      }

      query Tiers {
        tiers
      }
    `,
    operationName: 'Venues',
  },
  {
    name: 'several operations and no operationName',
    query: /* GraphQL */ `
      query EventTitles {
        events { title }
      }

      query Tiers {
        tiers
      }
    `,
  },
  {
    name: 'an operationName for a document of one anonymous operation',
    query: /* GraphQL */ `
      {
        tiers
      }
    `,
    operationName: 'Tiers',
  },
  {
    name: 'an operationName naming the single operation of the document',
    query: /* GraphQL */ `
      query Tiers {
        tiers
        venues(city: "Oslo") { name }
      }
    `,
    operationName: 'Tiers',
  },
  {
    name: '__typename alone at the root',
    query: /* GraphQL */ `
      {
        __typename
      }
    `,
  },
  {
    name: '__typename everywhere, aliased, and on entities from three subgraphs',
    query: /* GraphQL */ `
      query Typenames {
        __typename
        root: __typename
        events(first: 3) {
          __typename
          kind: __typename
          venue { __typename again: __typename name }
          ... on Event { __typename price }
        }
        venues { __typename }
      }
    `,
  },
  {
    name: '__schema queryType alone',
    query: /* GraphQL */ `
      {
        __schema { queryType { name } }
      }
    `,
  },
  {
    name: '__schema beside fields of two subgraphs, and __typename',
    query: /* GraphQL */ `
      query SchemaAndData {
        __schema { queryType { name } mutationType { name } }
        events(first: 1) { title venue { name } }
        __typename
      }
    `,
  },
  {
    name: '__type of an enum beside a field of the subgraph that owns it',
    query: /* GraphQL */ `
      query TierType {
        __type(name: "Tier") { name kind enumValues { name } }
        tiers
      }
    `,
  },
  {
    name: 'variables the operation does not declare are ignored',
    query: /* GraphQL */ `
      query Declared($first: Int) {
        events(first: $first) { id }
      }
    `,
    variables: { first: 1, undeclared: 'ignored', order: 'DESC' },
  },
  {
    name: '__type of an object type: its fields and their types as the API schema has them',
    query: /* GraphQL */ `
      query VenueType {
        __type(name: "Venue") { name fields { name type { name kind ofType { name kind } } } }
      }
    `,
  },
  {
    name: 'invalid: an explicit null for a non-null variable with a default',
    query: /* GraphQL */ `
      query NonNullWithDefault($first: Int! = 2) {
        events(first: $first) { id }
      }
    `,
    variables: { first: null },
  },
  {
    name: 'invalid: a required variable the client did not send',
    query: /* GraphQL */ `
      query EventById($id: ID!) {
        event(id: $id) { title }
      }
    `,
  },
  {
    name: 'invalid: a string literal for an Int argument',
    query: /* GraphQL */ `
      query WrongLiteral {
        events(first: "three") { title }
      }
    `,
  },
  {
    name: 'invalid: a string value for an Int variable',
    query: /* GraphQL */ `
      query WrongVariable($first: Int) {
        events(first: $first) { title }
      }
    `,
    variables: { first: 'three' },
  },
  {
    name: 'invalid: an enum variable given a value the enum lacks',
    query: /* GraphQL */ `
      query WrongEnum($order: SortOrder = ASC) {
        events(order: $order) { title }
      }
    `,
    variables: { order: 'SIDEWAYS' },
  },
  {
    name: 'invalid: a field no subgraph has',
    query: /* GraphQL */ `
      query UnknownField {
        events { title organizer }
      }
    `,
  },
  {
    name: 'invalid: a variable of a type its position does not allow',
    query: /* GraphQL */ `
      query WrongVariableType($first: String) {
        events(first: $first) { title }
      }
    `,
  },
  {
    name: 'invalid: @include without its argument',
    query: /* GraphQL */ `
      query IncludeWithoutIf {
        events { title @include }
      }
    `,
  },
];
