/**
 * The rows every catalogKeys subgraph reads its own columns of: variants known by id and by sku,
 * members whose id is unique only inside their organization.
 */

/** A product variant; stock knows it by sku only, reviews by id only, pricing by both at once. */
export interface VariantRow {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly color: string;
}

/** Every variant the catalog owns; stock also counts a sku (GHOST-1) that is not among them. */
export const variantRows: readonly VariantRow[] = [
  { id: 'v1', sku: 'LAMP-RED', name: 'Desk lamp', color: 'red' },
  { id: 'v2', sku: 'LAMP-BLUE', name: 'Desk lamp', color: 'blue' },
  { id: 'v3', sku: 'MUG-WHITE', name: 'Mug', color: 'white' },
  { id: 'v4', sku: 'RUG-GREY', name: 'Rug', color: 'grey' },
];

/** The nested key of Member: `id organization { id }`; `m1` exists in both organizations. */
export interface MemberKey {
  readonly id: string;
  readonly organization: { readonly id: string };
}

/** Whether `key` names the member `id` of organization `organizationId`. */
export function isMember(key: MemberKey, id: string, organizationId: string): boolean {
  return key.id === id && key.organization.id === organizationId;
}

/** A reference to a member, as the subgraphs that only point at members return it. */
export function memberKey(id: string, organizationId: string): MemberKey {
  return { id, organization: { id: organizationId } };
}
