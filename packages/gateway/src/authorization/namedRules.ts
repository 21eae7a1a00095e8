import { inputRule, rule } from 'graphql-shield';
import type { Viewer } from '../core/Viewer.js';
import type { ShieldRule } from './ruleTypes.js';

/** What the rules read of the request's context (graphql-shield types it `any`). */
interface ViewerContext {
  readonly viewer?: Viewer;
}

const viewerOf = (context: ViewerContext): Viewer => context.viewer ?? { kind: 'anonymous' };

/** Allows a signed-in viewer; tells an anonymous one to sign in. */
export const isAuthenticated: ShieldRule = rule('isAuthenticated', { cache: 'contextual' })(
  (_parent, _args, context: ViewerContext) => (viewerOf(context).kind === 'user' ? true : 'Sign in to see this.'),
);

/** Allows a viewer whose token grants `role`. */
export function hasRole(role: string): ShieldRule {
  return rule(`hasRole:${role}`, { cache: 'contextual' })((_parent, _args, context: ViewerContext) => {
    const viewer = viewerOf(context);
    return viewer.kind === 'user' && viewer.roles.includes(role);
  });
}

/** Allows a viewer whose token grants `scope`. */
export function hasScope(scope: string): ShieldRule {
  return rule(`hasScope:${scope}`, { cache: 'contextual' })((_parent, _args, context: ViewerContext) => {
    const viewer = viewerOf(context);
    return viewer.kind === 'user' && viewer.scopes.includes(scope);
  });
}

/** Allows a viewer whose token was issued to the client app `clientId` (azp / client_id). */
export function isClient(clientId: string): ShieldRule {
  return rule(`isClient:${clientId}`, { cache: 'contextual' })((_parent, _args, context: ViewerContext) => {
    const viewer = viewerOf(context);
    return viewer.kind === 'user' && viewer.clientId === clientId;
  });
}

/**
 * Allows the viewer who owns the parent object: the one whose id is at `ownerPath` in it, e.g.
 * `isOwner('User', 'id')` or `isOwner('Order', 'buyer.id')`. The rule declares that path as the
 * parent fields it needs, so the kit fetches it even when the client did not ask for it.
 */
export function isOwner(typeName: string, ownerPath: string): ShieldRule {
  const steps = ownerPath.split('.');
  const selection = steps.reduceRight((inner, step) => (inner ? `${step} { ${inner} }` : step), '');
  return rule(`isOwner:${typeName}.${ownerPath}`, {
    cache: 'strict',
    fragment: `fragment ${typeName}Owner on ${typeName} { ${selection} }`,
  })((parent: Record<string, unknown> | undefined, _args, context: ViewerContext) => {
    const viewer = viewerOf(context);
    const ownerId = steps.reduce<unknown>(
      (value, step) => (value as Record<string, unknown> | null | undefined)?.[step],
      parent,
    );
    // An id arrives as JSON: a string (ID, String) or a number (Int).
    const isId = typeof ownerId === 'string' || typeof ownerId === 'number';
    return viewer.kind === 'user' && isId && String(ownerId) === viewer.id;
  });
}

/**
 * Allows a call whose argument at `argumentPath` (e.g. 'input.buyerId') is the viewer's own id,
 * checked with graphql-shield's inputRule before the call reaches any service.
 */
export function isOwnerOfArgument(argumentPath: string): ShieldRule {
  const steps = argumentPath.split('.');
  return inputRule(`isOwnerOfArgument:${argumentPath}`)((yup, context) => {
    const viewer = viewerOf(context as ViewerContext);
    const own = yup
      .string()
      .test(
        'is-viewer',
        `${argumentPath} must be your own user id.`,
        (value) => viewer.kind === 'user' && value === viewer.id,
      );
    return steps.reduceRight<ReturnType<typeof yup.object>>(
      (inner, step) => yup.object({ [step]: inner }),
      own as never,
    );
  });
}
