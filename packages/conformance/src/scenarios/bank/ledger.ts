import { GraphQLError } from 'graphql';
import type { ScenarioSubgraph } from '../../harness/Scenario.js';
import type { Journal } from './journal.js';
import { DateScalar, JSONScalar, Money } from './scalars.js';

const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  "A decimal amount with two decimals, as a string: \\"12.50\\"."
  scalar Money
  "A calendar date: \\"2026-01-31\\"."
  scalar Date
  "Any JSON value, passed through unchanged."
  scalar JSON

  enum Currency {
    EUR
    USD
    NOK
  }

  enum PostingKind {
    DEPOSIT
    WITHDRAWAL
    TRANSFER
    FEE
  }

  input TransferInput {
    from: ID!
    to: ID!
    amount: Money!
    currency: Currency = EUR
    valueDate: Date
    memo: String
    tags: [String!] = []
    metadata: JSON
  }

  input PostingInput {
    account: ID!
    amount: Money!
    kind: PostingKind = DEPOSIT
  }

  type Query {
    currencies: [Currency!]!
    "Converts at fixed rates: 1.00 EUR = 1.10 USD = 11.00 NOK."
    quote(amount: Money!, from: Currency = EUR, to: Currency!): Money!
  }

  type Mutation {
    "Empties a batch's journal: every mutation operation opens its own batch first."
    openBatch(batch: String!): Batch!
    deposit(batch: String!, account: ID!, amount: Money!, memo: String): Posting
    "INSUFFICIENT_FUNDS above 500.00, BAD_USER_INPUT unless positive; a refusal is journaled too."
    withdraw(batch: String!, account: ID!, amount: Money!): Posting
    "BAD_USER_INPUT from an account to itself; non-null, so a refusal nulls the ledger's whole answer."
    transfer(batch: String!, input: TransferInput!): Posting!
    postMany(batch: String!, postings: [PostingInput!]!): [Posting!]!
  }

  type Batch {
    name: String!
    lines: [String!]!
  }

  type Posting @key(fields: "id") {
    "<batch>/<line number>"
    id: ID!
    sequence: Int!
    kind: PostingKind!
    amount: Money!
    currency: Currency!
    memo: String
    "Whether the mutation was given a memo argument at all, null included."
    memoGiven: Boolean!
    valueDate: Date
    tags: [String!]!
    metadata: JSON
    account: Account!
    counterparty: Account
    "The batch's journal right after this posting was made."
    linesSoFar: [String!]!
  }

  type Account @key(fields: "id", resolvable: false) {
    id: ID!
  }
`;

type Currency = 'EUR' | 'USD' | 'NOK';
type PostingKind = 'DEPOSIT' | 'WITHDRAWAL' | 'TRANSFER' | 'FEE';

interface PostingRecord {
  readonly id: string;
  readonly sequence: number;
  readonly kind: PostingKind;
  readonly amount: string;
  readonly currency: Currency;
  readonly memo: string | null;
  readonly memoGiven: boolean;
  readonly valueDate: string | null;
  readonly tags: readonly string[];
  readonly metadata: unknown;
  readonly accountId: string;
  readonly counterpartyId: string | null;
  readonly linesSoFar: readonly string[];
}

interface TransferInput {
  readonly from: string;
  readonly to: string;
  readonly amount: string;
  readonly currency: Currency;
  readonly valueDate?: string | null;
  readonly memo?: string | null;
  readonly tags?: readonly string[] | null;
  readonly metadata?: unknown;
}

/** Hundredths of a EUR per unit of each currency. */
const rates: Record<Currency, number> = { EUR: 100, USD: 110, NOK: 1100 };

const cents = (amount: string) => Math.round(Number(amount) * 100);
const money = (amountInCents: number) => (amountInCents / 100).toFixed(2);

/** The ledger subgraph: postings made by mutations, each journaled in its batch. */
export function createLedgerSubgraph(journal: Journal): ScenarioSubgraph {
  const postings = new Map<string, PostingRecord>();

  function post(batch: string, fields: Omit<PostingRecord, 'id' | 'sequence' | 'linesSoFar'>): PostingRecord {
    const counterparty = fields.counterpartyId ? ` to ${fields.counterpartyId}` : '';
    const sequence = journal.append(
      batch,
      `ledger ${fields.kind.toLowerCase()} ${fields.accountId}${counterparty} ${fields.amount} ${fields.currency}`,
    );
    const record: PostingRecord = { ...fields, id: `${batch}/${sequence}`, sequence, linesSoFar: journal.lines(batch) };
    postings.set(record.id, record);
    return record;
  }

  function refuse(batch: string, line: string, message: string, code: string): never {
    journal.append(batch, `ledger ${line} refused`);
    throw new GraphQLError(message, { extensions: { code } });
  }

  const plain = {
    currency: 'EUR' as const,
    memo: null,
    memoGiven: false,
    valueDate: null,
    tags: [],
    metadata: null,
    counterpartyId: null,
  };

  return {
    name: 'ledger',
    typeDefs,
    resolvers: {
      Money,
      Date: DateScalar,
      JSON: JSONScalar,
      Query: {
        currencies: () => Object.keys(rates),
        quote: (_: unknown, args: { amount: string; from: Currency; to: Currency }) =>
          money(Math.round((cents(args.amount) * rates[args.to]) / rates[args.from])),
      },
      Mutation: {
        openBatch: (_: unknown, { batch }: { batch: string }) => {
          journal.open(batch);
          for (const id of postings.keys()) if (id.startsWith(`${batch}/`)) postings.delete(id);
          return { name: batch, lines: journal.lines(batch) };
        },
        deposit: (_: unknown, args: { batch: string; account: string; amount: string; memo?: string | null }) =>
          post(args.batch, {
            ...plain,
            kind: 'DEPOSIT',
            accountId: args.account,
            amount: args.amount,
            memo: args.memo ?? null,
            memoGiven: 'memo' in args,
          }),
        withdraw: (_: unknown, args: { batch: string; account: string; amount: string }) => {
          const line = `withdrawal ${args.account} ${args.amount}`;
          if (cents(args.amount) <= 0)
            refuse(args.batch, line, `A withdrawal must be positive, but got: ${args.amount}`, 'BAD_USER_INPUT');
          if (cents(args.amount) > 50_000)
            refuse(args.batch, line, `Account ${args.account} cannot cover ${args.amount}.`, 'INSUFFICIENT_FUNDS');
          return post(args.batch, { ...plain, kind: 'WITHDRAWAL', accountId: args.account, amount: args.amount });
        },
        transfer: (_: unknown, { batch, input }: { batch: string; input: TransferInput }) => {
          if (input.from === input.to)
            refuse(
              batch,
              `transfer ${input.from} to ${input.to}`,
              `Cannot transfer from ${input.from} to itself: choose another account.`,
              'BAD_USER_INPUT',
            );
          return post(batch, {
            kind: 'TRANSFER',
            accountId: input.from,
            counterpartyId: input.to,
            amount: input.amount,
            currency: input.currency,
            memo: input.memo ?? null,
            memoGiven: 'memo' in input,
            valueDate: input.valueDate ?? null,
            tags: input.tags ?? [],
            metadata: input.metadata ?? null,
          });
        },
        postMany: (
          _: unknown,
          {
            batch,
            postings: inputs,
          }: { batch: string; postings: { account: string; amount: string; kind: PostingKind }[] },
        ) =>
          inputs.map((input) =>
            post(batch, { ...plain, kind: input.kind, accountId: input.account, amount: input.amount }),
          ),
      },
      Posting: {
        __resolveReference: ({ id }: { id: string }) => postings.get(id) ?? null,
        account: (posting: PostingRecord) => ({ id: posting.accountId }),
        counterparty: (posting: PostingRecord) => (posting.counterpartyId ? { id: posting.counterpartyId } : null),
      },
    },
  };
}
