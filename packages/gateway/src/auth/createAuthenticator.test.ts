import jwt from 'jsonwebtoken';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readConfig, type BffConfigDefaults } from '../config/readConfig.js';
import { createAuthenticator } from './createAuthenticator.js';

const secret = 'web-development-secret-of-32-chars-or-more';
const defaults: BffConfigDefaults = {
  name: 'web',
  port: 4000,
  supergraphFile: '/tmp/web.graphql',
  auth: { issuer: 'bff-dev', audience: 'web-bff', developmentSecret: secret },
};
const auth = readConfig({ WEB_BFF_JWT_CLOCK_TOLERANCE_S: '5' }, 'WEB_BFF_', defaults).auth;
const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const start = Date.UTC(2026, 10, 27, 12, 0, 0);

/** A customer's token, signed now (as the fake clock says), valid for `seconds`. */
const tokenFor = (sub: string, seconds: number, extra: Record<string, unknown> = {}) => {
  // Built apart from jwt.sign, whose payload may be a string: written in its argument, `sub` reads to the type
  // checker as the deprecated String.prototype.sub.
  const claims = { sub, roles: ['customer'], ...extra };
  return jwt.sign(claims, secret, { algorithm: 'HS256', issuer: 'bff-dev', audience: 'web-bff', expiresIn: seconds });
};

describe('createAuthenticator remembering verified tokens', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(start);
  });
  afterEach(() => vi.useRealTimers());

  it('answers a token it verified with the same viewer, without verifying it again', async () => {
    const authenticator = createAuthenticator(auth, silent);
    const token = tokenFor('7', 3600);
    const first = await authenticator.authenticate(token);
    expect(first).toEqual({ kind: 'user', id: '7', roles: ['customer'], scopes: [], clientName: undefined });
    expect(await authenticator.authenticate(token)).toBe(first);
    expect(await authenticator.authenticate(tokenFor('8', 3600))).toMatchObject({ id: '8' });
  });

  it('checks a remembered token again once it has expired, and refuses it', async () => {
    const authenticator = createAuthenticator(auth, silent);
    const token = tokenFor('7', 30);
    await authenticator.authenticate(token);
    vi.setSystemTime(start + 29_000);
    expect(await authenticator.authenticate(token)).toMatchObject({ id: '7' });
    // Past exp and the 5 s clock tolerance.
    vi.setSystemTime(start + 36_000);
    await expect(authenticator.authenticate(token)).rejects.toThrow('Authentication failed: token expired');
  });

  it('trusts a verification for a minute at most, then verifies the token again', async () => {
    const authenticator = createAuthenticator(auth, silent);
    const token = tokenFor('7', 7200);
    const first = await authenticator.authenticate(token);
    vi.setSystemTime(start + 59_000);
    expect(await authenticator.authenticate(token)).toBe(first);
    vi.setSystemTime(start + 61_000);
    const again = await authenticator.authenticate(token);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('does not remember a refusal: a token not valid yet passes once its time comes', async () => {
    const authenticator = createAuthenticator(auth, silent);
    const token = tokenFor('7', 3600, { nbf: Math.floor(start / 1000) + 60 });
    await expect(authenticator.authenticate(token)).rejects.toThrow('Authentication failed: token is not valid yet');
    vi.setSystemTime(start + 61_000);
    expect(await authenticator.authenticate(token)).toMatchObject({ id: '7' });
  });
});
