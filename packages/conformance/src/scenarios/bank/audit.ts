import { GraphQLError } from 'graphql';
import type { ScenarioSubgraph } from '../../harness/Scenario.js';
import type { Journal } from './journal.js';

const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  enum FlagReason {
    DUPLICATE
    SUSPICIOUS
    SANCTIONED
  }

  type Mutation {
    "Journals a note; BAD_USER_INPUT for a blank one, non-null, so a refusal nulls the audit's whole answer."
    stamp(batch: String!, note: String!): Stamp!
    "Flags a posting; FORBIDDEN for SANCTIONED (compliance only), journaled as refused."
    flag(posting: ID!, reason: FlagReason!): Flag
  }

  type Stamp {
    sequence: Int!
    note: String!
    "The batch's journal right after this stamp."
    linesSoFar: [String!]!
  }

  type Flag {
    sequence: Int!
    reason: FlagReason!
    posting: Posting!
  }

  type Posting @key(fields: "id") {
    id: ID!
    "The batch's journal when the audit is asked about this posting: in a mutation, after the mutation that made it and before the next one."
    auditTrail: [String!]!
  }
`;

const batchOf = (postingId: string) => postingId.slice(0, postingId.lastIndexOf('/'));

/** The audit subgraph: stamps and flags written to the same journal as the ledger's postings. */
export function createAuditSubgraph(journal: Journal): ScenarioSubgraph {
  return {
    name: 'audit',
    typeDefs,
    resolvers: {
      Mutation: {
        stamp: (_: unknown, { batch, note }: { batch: string; note: string }) => {
          if (note.trim() === '') {
            journal.append(batch, 'audit stamp (blank) refused');
            throw new GraphQLError('A stamp needs a note: say what was checked.', {
              extensions: { code: 'BAD_USER_INPUT' },
            });
          }
          const sequence = journal.append(batch, `audit stamp "${note}"`);
          return { sequence, note, linesSoFar: journal.lines(batch) };
        },
        flag: (_: unknown, { posting, reason }: { posting: string; reason: string }) => {
          const batch = batchOf(posting);
          if (reason === 'SANCTIONED') {
            journal.append(batch, `audit flag ${posting} ${reason} refused`);
            throw new GraphQLError('Only compliance may flag a posting as sanctioned.', {
              extensions: { code: 'FORBIDDEN' },
            });
          }
          const sequence = journal.append(batch, `audit flag ${posting} ${reason}`);
          return { sequence, reason, posting: { id: posting } };
        },
      },
      Posting: {
        __resolveReference: ({ id }: { id: string }) => ({ id }),
        auditTrail: ({ id }: { id: string }) => journal.lines(batchOf(id)),
      },
    },
  };
}
