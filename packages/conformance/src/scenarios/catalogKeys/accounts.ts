import type { ScenarioSubgraph } from '../../harness/Scenario.js';
import { isMember, memberKey, type MemberKey } from './data.js';

/** The accounts subgraph SDL: owns Organization and Member (nested key), and points at a Variant by id only. */
export const accountsTypeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Query {
    organizations: [Organization!]!
    member(id: ID!, organizationId: ID!): Member
  }

  type Organization @key(fields: "id") {
    id: ID!
    name: String!
    members: [Member!]!
  }

  type Member @key(fields: "id organization { id }") {
    id: ID!
    organization: Organization!
    displayName: String!
    favoriteVariant: Variant
  }

  type Variant @key(fields: "id", resolvable: false) {
    id: ID!
  }
`;

const organizations = [
  { id: 'o1', name: 'Acme' },
  { id: 'o2', name: 'Globex' },
] as const;

interface MemberRow extends MemberKey {
  readonly displayName: string;
  readonly favoriteVariantId: string | null;
}

const members: readonly MemberRow[] = [
  { ...memberKey('m1', 'o1'), displayName: 'Ada', favoriteVariantId: 'v3' },
  { ...memberKey('m2', 'o1'), displayName: 'Linus', favoriteVariantId: 'v1' },
  { ...memberKey('m1', 'o2'), displayName: 'Grace', favoriteVariantId: null },
];

function findMember(id: string, organizationId: string): MemberRow | null {
  return members.find((member) => isMember(member, id, organizationId)) ?? null;
}

function findOrganization(id: string): (typeof organizations)[number] | null {
  return organizations.find((organization) => organization.id === id) ?? null;
}

/** Accounts: resolves a Member only by its whole nested key, so a key sent without its organization misses. */
export const accountsSubgraph: ScenarioSubgraph = {
  name: 'accounts',
  typeDefs: accountsTypeDefs,
  resolvers: {
    Query: {
      organizations: () => organizations,
      member: (_: unknown, { id, organizationId }: { id: string; organizationId: string }) =>
        findMember(id, organizationId),
    },
    Organization: {
      __resolveReference: ({ id }: { id: string }) => findOrganization(id),
      members: ({ id }: { id: string }) => members.filter((member) => member.organization.id === id),
    },
    Member: {
      __resolveReference: (key: MemberKey) => findMember(key.id, key.organization.id),
      organization: (member: MemberRow) => findOrganization(member.organization.id),
      favoriteVariant: ({ favoriteVariantId }: MemberRow) =>
        favoriteVariantId === null ? null : { id: favoriteVariantId },
    },
  },
};
