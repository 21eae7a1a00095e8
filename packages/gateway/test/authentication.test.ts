import { postGraphQL, signTestToken, startTestStack, type ServiceName, type TestStack } from '@bff/testing';
import { generateKeyPairSync } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

/** Touches a remote subgraph (products, reviews) and a REST service through a connector (accounts). */
const pageQuery = /* GraphQL */ `{ productPage(upc: "100001") { product { name reviews(first: 1) { author { username } } } } }`;
const rsaPrivateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const now = () => Math.floor(Date.now() / 1000);
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** An unsigned token ("alg": "none") that would otherwise pass. */
const unsignedToken = () => {
  const claims = { sub: '1', roles: ['staff'], iss: 'bff-dev', aud: 'web-bff', iat: now(), exp: now() + 600 };
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
};

const identityHeaderNames = ['x-request-id', 'x-user-id', 'x-user-roles', 'x-client-name'];
/** The identity headers a service received, those present only. */
const identityOf = (headers: IncomingHttpHeaders) =>
  Object.fromEntries(identityHeaderNames.filter((name) => name in headers).map((name) => [name, headers[name]]));

describe('web BFF authentication', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('web');
  });
  afterAll(() => stack?.close());
  beforeEach(() => stack.services.resetCalls());

  /** What every service called during the request received, by service. */
  const receivedIdentity = (names: ServiceName[]) =>
    Object.fromEntries(names.map((name) => [name, stack.services.headers[name].map(identityOf)]));

  const badRequests: [string, () => { headers?: Record<string, string>; query?: string }, string][] = [
    ['a token that is not a JWT', () => ({ headers: bearer('not-a-jwt') }), 'token is malformed'],
    ['three parts that are not JSON', () => ({ headers: bearer('abc.def.ghi') }), 'token is malformed'],
    [
      'a JSON header over a payload that is not JSON',
      () => ({
        headers: bearer(
          `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.` +
            `${Buffer.from('not json').toString('base64url')}.c2ln`,
        ),
      }),
      'token is malformed',
    ],
    ['an expired token', () => ({ headers: bearer(signTestToken('web', { expiresIn: -60 })) }), 'token expired'],
    [
      'a token not valid yet',
      () => ({ headers: bearer(signTestToken('web', { notBefore: 60 })) }),
      'token is not valid yet',
    ],
    [
      'a token issued in the future',
      () => ({ headers: bearer(signTestToken('web', { iat: now() + 60 })) }),
      'token was issued in the future',
    ],
    [
      'a token without expiry',
      () => ({ headers: bearer(signTestToken('web', { expiresIn: null })) }),
      'token has no expiry (exp)',
    ],
    [
      'a token signed with another secret',
      () => ({ headers: bearer(signTestToken('web', { secret: 'another-secret-that-is-32-chars-long' })) }),
      'token signature is invalid',
    ],
    ["the mobile BFF's token", () => ({ headers: bearer(signTestToken('mobile')) }), 'token signature is invalid'],
    [
      'an unsigned token (alg none)',
      () => ({ headers: bearer(unsignedToken()) }),
      'token algorithm none is not accepted',
    ],
    [
      'an RS256 token where HS256 is pinned',
      () => ({ headers: bearer(signTestToken('web', { algorithm: 'RS256', privateKey: rsaPrivateKey })) }),
      'token algorithm RS256 is not accepted',
    ],
    [
      'a token for another audience',
      () => ({ headers: bearer(signTestToken('web', { audience: 'mobile-bff' })) }),
      'token audience is not accepted',
    ],
    [
      'a token from another issuer',
      () => ({ headers: bearer(signTestToken('web', { issuer: 'https://evil.example.com/' })) }),
      'token issuer is not accepted',
    ],
    [
      'an oversized token',
      () => ({ headers: bearer(signTestToken('web', { claims: { padding: 'x'.repeat(9000) } })) }),
      'token is larger than 8192 bytes',
    ],
    [
      'a token without subject',
      () => ({ headers: bearer(signTestToken('web', { sub: null })) }),
      'token has no subject (sub)',
    ],
    [
      'a token whose roles would forge a header list',
      () => ({ headers: bearer(signTestToken('web', { roles: ['customer,staff'] })) }),
      'token roles claim is malformed',
    ],
    [
      'a Basic Authorization header',
      () => ({ headers: { authorization: 'Basic dXNlcjpwYXNz' } }),
      "Authorization header must be 'Bearer <token>'",
    ],
    [
      'a bearer header without token',
      () => ({ headers: { authorization: 'Bearer ' } }),
      "Authorization header must be 'Bearer <token>'",
    ],
    [
      'a token in access_token',
      () => ({ query: `?access_token=${signTestToken('web')}` }),
      'tokens in the query string are refused; send Authorization: Bearer <token>',
    ],
    [
      'a token in token, beside a good header',
      () => ({ headers: bearer(signTestToken('web')), query: `?token=${signTestToken('web')}` }),
      'tokens in the query string are refused; send Authorization: Bearer <token>',
    ],
  ];

  it.each(badRequests)(
    'refuses %s with 401, UNAUTHENTICATED and a challenge, calling no service',
    async (_name, request, reason) => {
      const { headers, query = '' } = request();
      const response = await postGraphQL(`${stack.bff.url}/graphql${query}`, { query: pageQuery }, headers);
      expect(response.status).toBe(401);
      expect(response.body).toEqual({
        errors: [{ message: `Authentication failed: ${reason}`, extensions: { code: 'UNAUTHENTICATED' } }],
      });
      expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(receivedIdentity(['products', 'reviews', 'accounts'])).toEqual({
        products: [],
        reviews: [],
        accounts: [],
      });
    },
  );

  it("accepts a valid token and sends its identity to remote subgraphs and REST services, and nothing of the client's", async () => {
    const token = signTestToken('web', { sub: '42', roles: ['customer', 'beta'], clientId: 'web-checkout' });
    const response = await stack.bff.post(
      { query: pageQuery },
      {
        ...bearer(token),
        'x-request-id': 'auth-1',
        'x-user-id': 'spoofed',
        'x-user-roles': 'staff',
        'x-client-name': 'evil',
      },
    );
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    const identity = {
      'x-request-id': 'auth-1',
      'x-user-id': '42',
      'x-user-roles': 'customer,beta',
      'x-client-name': 'web-checkout',
    };
    expect(receivedIdentity(['products', 'reviews', 'accounts'])).toEqual({
      products: [identity],
      reviews: [identity],
      accounts: [identity],
    });
  });

  it('names the BFF as client and no user for an anonymous request, whatever headers the client sends', async () => {
    const response = await stack.bff.post(
      { query: pageQuery },
      { 'x-request-id': 'anon-1', 'x-user-id': 'spoofed', 'x-user-roles': 'staff', 'x-client-name': 'evil' },
    );
    expect(response.status).toBe(200);
    const identity = { 'x-request-id': 'anon-1', 'x-client-name': 'web' };
    expect(receivedIdentity(['products', 'reviews', 'accounts'])).toEqual({
      products: [identity],
      reviews: [identity],
      accounts: [identity],
    });
  });

  it('names the BFF as client for a token without a client app, and sends no roles header without roles', async () => {
    const response = await stack.bff.post(
      { query: pageQuery },
      { ...bearer(signTestToken('web', { sub: '7', claims: { azp: undefined } })), 'x-request-id': 'auth-2' },
    );
    expect(response.status).toBe(200);
    const identity = { 'x-request-id': 'auth-2', 'x-user-id': '7', 'x-client-name': 'web' };
    expect(receivedIdentity(['accounts'])).toEqual({ accounts: [identity] });
  });

  it('reads client_id when the token has no azp, and roles written as one space-separated string', async () => {
    const token = signTestToken('web', {
      sub: '8',
      claims: { azp: undefined, client_id: 'partner-portal', roles: 'staff customer' },
    });
    const response = await stack.bff.post({ query: pageQuery }, { ...bearer(token), 'x-request-id': 'auth-3' });
    expect(response.status).toBe(200);
    expect(receivedIdentity(['accounts'])).toEqual({
      accounts: [
        {
          'x-request-id': 'auth-3',
          'x-user-id': '8',
          'x-user-roles': 'staff,customer',
          'x-client-name': 'partner-portal',
        },
      ],
    });
  });

  it('lets a token through within the clock tolerance (5 s) of iat, nbf and exp', async () => {
    const withinTolerance = [
      signTestToken('web', { iat: now() + 3 }),
      signTestToken('web', { notBefore: 3 }),
      signTestToken('web', { iat: now() - 100, expiresIn: 97 }),
    ];
    for (const token of withinTolerance) {
      expect((await stack.bff.post({ query: /* GraphQL */ `{ __typename }` }, bearer(token))).body).toEqual({
        data: { __typename: 'Query' },
      });
    }
  });
});
