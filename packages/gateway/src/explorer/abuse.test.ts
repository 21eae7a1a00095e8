import { startTestStack, type TestStack } from '@bff/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const example = 'Send a JSON object such as {"sub": "1", "roles": ["customer"]}.';
const namesMessage = (field: string, got: string) =>
  `${field} must be a list of at most 16 names of printable characters without commas, but got: ${got}`;

describe('the development token endpoint, misused', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('web');
  });
  afterAll(() => stack?.close());

  const ask = (body: string | undefined, contentType = 'application/json') =>
    fetch(`${stack.bff.url}/explorer/token`, {
      method: 'POST',
      ...(body !== undefined && { body, headers: { 'content-type': contentType } }),
    });

  it.each([
    ['no body', undefined, `The request body is not a JSON object. ${example}`],
    ['a list', '[]', `The request body is not a JSON object. ${example}`],
    ['no subject', '{"roles": ["staff"]}', 'sub must be a user id of 1 to 128 printable characters, but got: null'],
    [
      'a subject with a space',
      '{"sub": "user 1"}',
      'sub must be a user id of 1 to 128 printable characters, but got: "user 1"',
    ],
    ['a number as subject', '{"sub": 1}', 'sub must be a user id of 1 to 128 printable characters, but got: 1'],
    ['roles as one string', '{"sub": "1", "roles": "staff"}', namesMessage('roles', '"staff"')],
    ['a role with a comma', '{"sub": "1", "roles": ["staff,customer"]}', namesMessage('roles', '["staff,customer"]')],
    [
      'seventeen scopes',
      `{"sub": "1", "scopes": ${JSON.stringify(Array.from({ length: 17 }, (_, index) => `s${index}`))}}`,
      namesMessage('scopes', JSON.stringify(Array.from({ length: 17 }, (_, index) => `s${index}`))),
    ],
    [
      'claims it does not sign',
      '{"sub": "1", "exp": 9999999999, "iss": "elsewhere"}',
      'A development token request takes only sub, roles and scopes, but got: exp, iss',
    ],
  ])('refuses %s with 400 BAD_REQUEST saying what to send', async (_case, body, message) => {
    const response = await ask(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('refuses a body that is not JSON with 415, as a form posted from another site would be', async () => {
    const response = await ask('sub=1', 'application/x-www-form-urlencoded');
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Unsupported Content-Type. Send application/json.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('answers nothing but POST', async () => {
    expect((await fetch(`${stack.bff.url}/explorer/token?sub=1`)).status).toBe(404);
  });
});
