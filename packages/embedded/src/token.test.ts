import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { startTestStack } from '@bff/testing';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

describe('npm run token', () => {
  it('prints a development token the web BFF accepts, carrying the given user and roles', async () => {
    const { stdout } = await run(
      'npm',
      ['run', '-s', 'token', '--', '--sub', '5', '--roles', 'customer,staff', '--client', 'web'],
      { cwd: repoRoot },
    );
    const token = stdout.trim();
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    await using stack = await startTestStack('web');
    const response = await stack.bff.post(
      { query: /* GraphQL */ `{ user(id: "5") { id email } }` },
      { authorization: `Bearer ${token}`, 'x-request-id': 'token-cli' },
    );
    expect(response.status).toBe(200);
    expect(response.body.data.user.id).toBe('5');
    const {
      'x-user-id': userId,
      'x-user-roles': roles,
      'x-client-name': clientName,
    } = stack.services.headers.accounts.at(-1)!;
    expect({ userId, roles, clientName }).toEqual({ userId: '5', roles: 'customer,staff', clientName: 'web' });
  });

  it('exits 1 naming a client it does not know', async () => {
    const failure = await run('npm', ['run', '-s', 'token', '--', '--sub', '5', '--client', 'tv'], {
      cwd: repoRoot,
    }).then(
      () => undefined,
      (error: unknown) => error as { code?: number; stderr?: string },
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain("--client must be one of web, mobile, but got: 'tv'");
  });
});
