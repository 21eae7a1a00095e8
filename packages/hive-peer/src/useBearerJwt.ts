import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import useJWT, { createInlineSigningKeyProvider, extractFromHeader } from '@graphql-mesh/plugin-jwt-auth';
import type { HiveJwtOptions } from './hiveGatewayOptions.js';

/**
 * Hive Gateway's JWT plugin as the bench runs it: HS256 only, issuer and audience checked, a
 * request without a token or with a bad one rejected (401 `Unauthenticated`; 400 for one that is
 * not a JWT at all), and nothing forwarded to the subgraphs. With `forward.payload` on (the
 * plugin's default) every subgraph request carries its user's claims in `extensions.jwt`, so no two
 * users' calls are alike and Hive shares none of them; off, its subgraphs learn nothing of the
 * viewer, as the kit's subgraphs configured with `<P>IDENTITY_<NAME>=none`.
 */
export function useBearerJwt(options: HiveJwtOptions): GatewayPlugin {
  const [firstIssuer, ...otherIssuers] = options.issuers;
  if (firstIssuer === undefined) throw new Error('the JWT options must name at least one issuer, but got none');
  const plugin = useJWT({
    signingKeyProviders: [createInlineSigningKeyProvider(options.secret)],
    tokenLookupLocations: [extractFromHeader({ name: 'authorization', prefix: 'Bearer' })],
    tokenVerification: { algorithms: ['HS256'], issuer: [firstIssuer, ...otherIssuers], audience: options.audience },
    reject: { missingToken: true, invalidToken: true },
    forward: { payload: false, token: false },
  });
  // The plugin's bundled declarations inline their own copy of @graphql-hive/logger's Logger class, whose
  // #private member makes it a different type from the runtime's: the same object, typed twice.
  return plugin as unknown as GatewayPlugin;
}
