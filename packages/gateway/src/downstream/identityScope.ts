import { z } from 'zod';
import type { EnvKey } from '../core/envKey.js';

/** The parts of the viewer a service may be told: its user id, its roles, its client app. */
export const identityParts = ['user', 'roles', 'client'] as const;
export type IdentityPart = (typeof identityParts)[number];

/** Which identity headers one service receives. */
export type IdentityScope = ReadonlySet<IdentityPart>;

/** Every identity header: what a service receives unless configured otherwise. */
export const allIdentity: IdentityScope = new Set(identityParts);
/** No identity header: calls to the service are alike for every viewer, so concurrent ones are shared. */
export const noIdentity: IdentityScope = new Set();

/** `<prefix>IDENTITY_<NAME>`: `all`, `none`, or a comma list of user, roles, client. */
export const identityScopeKey: EnvKey<IdentityScope> = {
  schema: z.string().transform((value, context): IdentityScope => {
    const words = value
      .split(',')
      .map((word) => word.trim())
      .filter((word) => word !== '');
    if (words.length === 1 && words[0] === 'all') return allIdentity;
    if (words.length === 1 && words[0] === 'none') return noIdentity;
    const parts = words.filter((word): word is IdentityPart => (identityParts as readonly string[]).includes(word));
    if (parts.length === 0 || parts.length !== words.length) context.addIssue({ code: 'custom', message: 'invalid' });
    return new Set(parts);
  }),
  mustBe: 'be all, none, or a comma-separated list of user, roles, client',
  defaultValue: allIdentity,
};

/** The identity scope of `service`: configured, else every header. */
export function identityScopeOf(scopes: Readonly<Record<string, IdentityScope>>, service: string): IdentityScope {
  return scopes[service.toLowerCase()] ?? allIdentity;
}
