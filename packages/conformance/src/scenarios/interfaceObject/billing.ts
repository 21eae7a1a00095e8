import type { ScenarioSubgraph } from '../../harness/Scenario.js';

/** Billing adds plan and balance to every account without knowing users from organizations. */
const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@interfaceObject"])

  enum Plan {
    FREE
    PRO
    ENTERPRISE
  }

  type Account @key(fields: "id") @interfaceObject {
    id: ID!
    plan: Plan!
    balanceCents: Int!
    invoices: [Invoice!]!
  }

  type Invoice {
    number: String!
    amountCents: Int!
    account: Account!
  }

  type Query {
    "Accounts with a negative balance, most in debt first."
    overdueAccounts: [Account!]!
    invoice(number: String!): Invoice
  }
`;

interface BillingRecord {
  readonly id: string;
  readonly plan: 'FREE' | 'PRO' | 'ENTERPRISE';
  readonly balanceCents: number;
}

interface InvoiceRecord {
  readonly number: string;
  readonly amountCents: number;
  readonly accountId: string;
}

const billing: readonly BillingRecord[] = [
  { id: 'u1', plan: 'PRO', balanceCents: -1200 },
  { id: 'o1', plan: 'ENTERPRISE', balanceCents: -45000 },
  { id: 'u2', plan: 'FREE', balanceCents: 0 },
  { id: 'o2', plan: 'PRO', balanceCents: 500 },
  { id: 'u3', plan: 'FREE', balanceCents: 0 },
];

const invoices: readonly InvoiceRecord[] = [
  { number: 'INV-1', amountCents: 1200, accountId: 'u1' },
  { number: 'INV-2', amountCents: 45000, accountId: 'o1' },
  { number: 'INV-3', amountCents: 900, accountId: 'o1' },
];

const billingById = new Map(billing.map((record) => [record.id, record]));

/** The billing subgraph of the interfaceObject scenario. */
export const billingSubgraph: ScenarioSubgraph = {
  name: 'billing',
  typeDefs,
  resolvers: {
    Query: {
      overdueAccounts: () =>
        billing
          .filter((record) => record.balanceCents < 0)
          .sort((left, right) => left.balanceCents - right.balanceCents),
      invoice: (_: unknown, { number }: { number: string }) =>
        invoices.find((invoice) => invoice.number === number) ?? null,
    },
    Account: {
      __resolveReference: ({ id }: { id: string }) => billingById.get(id) ?? null,
      invoices: (account: BillingRecord) => invoices.filter((invoice) => invoice.accountId === account.id),
    },
    Invoice: {
      account: (invoice: InvoiceRecord) => billingById.get(invoice.accountId),
    },
  },
};
