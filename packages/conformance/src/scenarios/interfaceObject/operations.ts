import type { ScenarioOperation } from '../../harness/Scenario.js';

/** Operations over an entity interface that two subgraphs extend with `@interfaceObject`. */
export const interfaceObjectOperations: readonly ScenarioOperation[] = [
  {
    name: 'owner fields and implementation fragments only, no interfaceObject subgraph involved',
    query: /* GraphQL */ `
      {
        accounts {
          __typename
          id
          email
          ... on User {
            displayName
          }
          ... on Organization {
            legalName
            members {
              displayName
            }
          }
        }
      }
    `,
  },
  {
    name: 'interface fields added by an interfaceObject subgraph on the owner list',
    query: /* GraphQL */ `
      {
        accounts {
          id
          email
          plan
          balanceCents
        }
      }
    `,
  },
  {
    name: 'fields of both interfaceObject subgraphs on one account by id',
    query: /* GraphQL */ `
      {
        account(id: "o1") {
          __typename
          plan
          lastSeen
          loginCount
          invoices {
            number
            amountCents
          }
        }
      }
    `,
  },
  {
    name: 'nullable interfaceObject field of an account that subgraph does not know',
    query: /* GraphQL */ `
      {
        accounts {
          id
          lastSeen
        }
      }
    `,
  },
  {
    name: 'non-null interfaceObject field of an account that subgraph does not know',
    query: /* GraphQL */ `
      {
        known: account(id: "u1") {
          loginCount
        }
        newcomer: account(id: "u3") {
          email
          loginCount
        }
      }
    `,
  },
  {
    name: 'interfaceObject entry point: __typename resolved by the owner',
    query: /* GraphQL */ `
      {
        overdueAccounts {
          __typename
          id
          balanceCents
        }
      }
    `,
  },
  {
    name: 'implementation fragments from an interfaceObject entry point',
    query: /* GraphQL */ `
      {
        overdueAccounts {
          id
          ... on User {
            displayName
          }
          ... on Organization {
            legalName
            members {
              id
              displayName
              plan
            }
          }
        }
      }
    `,
  },
  {
    name: 'owner interface field from an interfaceObject entry point, without __typename',
    query: /* GraphQL */ `
      {
        overdueAccounts {
          email
        }
      }
    `,
  },
  {
    name: 'interfaceObject entry point to the other interfaceObject subgraph',
    query: /* GraphQL */ `
      {
        mostActive {
          id
          loginCount
          plan
          balanceCents
        }
      }
    `,
  },
  {
    name: 'account of a value type in an interfaceObject subgraph, with implementation fragments',
    query: /* GraphQL */ `
      {
        invoice(number: "INV-2") {
          amountCents
          account {
            __typename
            email
            ... on Organization {
              legalName
            }
            lastSeen
          }
        }
        missing: invoice(number: "INV-404") {
          number
        }
      }
    `,
  },
  {
    name: 'nullable account of an interfaceObject subgraph that is null',
    query: /* GraphQL */ `
      {
        dormant {
          __typename
          id
          email
        }
      }
    `,
  },
  {
    name: 'interfaceObject fields on a list of an implementation',
    query: /* GraphQL */ `
      {
        accounts {
          ... on Organization {
            legalName
            members {
              plan
              loginCount
            }
          }
        }
      }
    `,
  },
  {
    name: 'named fragment on the interface reading three subgraphs',
    query: /* GraphQL */ `
      query Dashboard {
        accounts {
          ...AccountSummary
        }
      }

      fragment AccountSummary on Account {
        __typename
        id
        email
        plan
        lastSeen
        ... on User {
          displayName
        }
      }
    `,
  },
  {
    name: 'interfaceObject field behind @skip with a variable',
    query: /* GraphQL */ `
      query Accounts($noBilling: Boolean!) {
        accounts {
          id
          plan @skip(if: $noBilling)
          balanceCents @skip(if: $noBilling)
        }
      }
    `,
    variables: { noBilling: true },
  },
  {
    name: '__typename inside an implementation fragment from an interfaceObject entry point',
    query: /* GraphQL */ `
      {
        mostActive {
          ... on User {
            __typename
            id
          }
        }
      }
    `,
  },
  {
    name: '__typename beside and inside an implementation fragment from an interfaceObject entry point',
    query: /* GraphQL */ `
      {
        mostActive {
          __typename
          ... on User {
            __typename
            id
          }
        }
      }
    `,
  },
  {
    name: '__typename inside an implementation fragment on an interfaceObject list of both implementations',
    query: /* GraphQL */ `
      {
        overdueAccounts {
          ... on User {
            __typename
            id
          }
        }
      }
    `,
  },
  {
    name: 'implementation field selected on the interface is refused',
    query: /* GraphQL */ `
      {
        overdueAccounts {
          displayName
        }
      }
    `,
  },
];
