import { signTestToken, startServices, startTestBff, type RunningServices, type TestBff } from '@bff/testing';
import { createHmac, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const userQuery = { query: /* GraphQL */ `{ user(id: "1") { username } }` };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const unauthenticated = (reason: string) => ({
  errors: [{ message: `Authentication failed: ${reason}`, extensions: { code: 'UNAUTHENTICATED' } }],
});

/** The classic confusion: an HS256 token whose HMAC secret is the issuer's public key, which anyone has. */
function signWithPublicKeyAsSecret(publicKey: KeyObject, kid?: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: '1', roles: ['staff'], iss: 'bff-dev', aud: 'web-bff', iat: now, exp: now + 600 };
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT', ...(kid && { kid }) })}.${part(claims)}`;
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return `${unsigned}.${createHmac('sha256', pem).update(unsigned).digest('base64url')}`;
}

/** A JWKS endpoint on 127.0.0.1 serving `keys` (changeable), counting the requests it answers. */
async function startJwksServer(keys: object[]) {
  let requests = 0;
  const server = createServer((_request, response) => {
    requests += 1;
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    keys,
    requests: () => requests,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}

const rsaKeys = (kid: string) => {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...pair, jwk: { ...pair.publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } };
};

describe('web BFF with public-key tokens', () => {
  const current = rsaKeys('key-1');
  const next = rsaKeys('key-2');
  const stranger = rsaKeys('key-1');
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const otherEc = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  let services: RunningServices;
  let jwks: Awaited<ReturnType<typeof startJwksServer>>;
  let viaJwks: TestBff;
  let viaPem: TestBff;
  beforeAll(async () => {
    services = await startServices();
    jwks = await startJwksServer([current.jwk]);
    viaJwks = await startTestBff('web', services, { WEB_BFF_JWT_ALGORITHMS: 'RS256', WEB_BFF_JWT_JWKS_URL: jwks.url });
    viaPem = await startTestBff('web', services, {
      WEB_BFF_JWT_ALGORITHMS: 'ES256',
      WEB_BFF_JWT_PUBLIC_KEY: ec.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    });
  });
  afterAll(async () => {
    await viaJwks?.stop();
    await viaPem?.stop();
    await jwks?.close();
    await services?.close();
  });

  describe('RS256 over a JWKS URL', () => {
    const rs256 = (keys: { privateKey: KeyObject }, keyId: string) =>
      signTestToken('web', { sub: '1', algorithm: 'RS256', privateKey: keys.privateKey, keyId });

    it('accepts a token signed by a published key, fetching the JWKS once and then from cache', async () => {
      services.resetCalls();
      const first = await viaJwks.post(userQuery, bearer(rs256(current, 'key-1')));
      expect(first.body).toEqual({ data: { user: { username: expect.any(String) } } });
      expect(services.headers.accounts.map((headers) => headers['x-user-id'])).toEqual(['1']);
      const fetched = jwks.requests();
      expect(fetched).toBe(1);
      const second = await viaJwks.post(userQuery, bearer(rs256(current, 'key-1')));
      expect(second.status).toBe(200);
      expect(jwks.requests()).toBe(fetched);
    });

    it('refetches once for an unknown kid, then refuses it', async () => {
      const before = jwks.requests();
      const response = await viaJwks.post(userQuery, bearer(rs256(next, 'key-2')));
      expect(response.status).toBe(401);
      expect(response.body).toEqual(unauthenticated('token key id (kid) is not known'));
      expect(jwks.requests()).toBe(before + 1);
    });

    it('accepts a rotated-in key once the JWKS publishes it', async () => {
      jwks.keys.push(next.jwk);
      const before = jwks.requests();
      const response = await viaJwks.post(userQuery, bearer(rs256(next, 'key-2')));
      expect(response.status).toBe(200);
      expect(jwks.requests()).toBe(before + 1);
    });

    it('refuses a token signed by another key under a published kid', async () => {
      const response = await viaJwks.post(userQuery, bearer(rs256(stranger, 'key-1')));
      expect(response.status).toBe(401);
      expect(response.body).toEqual(unauthenticated('token signature is invalid'));
    });

    it('refuses an HS256 token whose secret is the public key (HS/RS confusion), without fetching keys', async () => {
      const before = jwks.requests();
      const response = await viaJwks.post(userQuery, bearer(signWithPublicKeyAsSecret(current.publicKey, 'key-1')));
      expect(response.status).toBe(401);
      expect(response.body).toEqual(unauthenticated('token algorithm HS256 is not accepted'));
      expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect(jwks.requests()).toBe(before);
    });

    it('refuses the development HS256 token that the default configuration would accept', async () => {
      const response = await viaJwks.post(userQuery, bearer(signTestToken('web')));
      expect(response.body).toEqual(unauthenticated('token algorithm HS256 is not accepted'));
    });
  });

  describe('ES256 with a PEM public key', () => {
    it('accepts a token signed by the matching private key', async () => {
      const response = await viaPem.post(
        userQuery,
        bearer(signTestToken('web', { algorithm: 'ES256', privateKey: ec.privateKey })),
      );
      expect(response.body).toEqual({ data: { user: { username: expect.any(String) } } });
    });

    it('refuses a token signed by another EC key, an RS256 token, and the public key used as HMAC secret', async () => {
      const otherKey = await viaPem.post(
        userQuery,
        bearer(signTestToken('web', { algorithm: 'ES256', privateKey: otherEc.privateKey })),
      );
      expect(otherKey.body).toEqual(unauthenticated('token signature is invalid'));
      const rs256 = await viaPem.post(
        userQuery,
        bearer(signTestToken('web', { algorithm: 'RS256', privateKey: current.privateKey })),
      );
      expect(rs256.body).toEqual(unauthenticated('token algorithm RS256 is not accepted'));
      const confused = await viaPem.post(userQuery, bearer(signWithPublicKeyAsSecret(ec.publicKey)));
      expect(confused.body).toEqual(unauthenticated('token algorithm HS256 is not accepted'));
    });
  });
});
