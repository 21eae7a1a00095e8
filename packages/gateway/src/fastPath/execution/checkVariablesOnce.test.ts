import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkVariablesOnce } from './checkVariablesOnce.js';

describe('checkVariablesOnce', () => {
  it('checks a valid variable set once per operation, and an invalid one every time', () => {
    const valid = new Set<string>();
    const checked: string[] = [];
    const check = (variables: Record<string, unknown>) => () => {
      checked.push(JSON.stringify(variables));
      return typeof variables['upc'] === 'string'
        ? undefined
        : [new GraphQLError('Variable "$upc" got invalid value 5')];
    };
    for (const variables of [{ upc: '1' }, { upc: '1' }, { upc: 5 }, { upc: 5 }, { upc: '2' }])
      checkVariablesOnce(valid, variables, check(variables));
    expect(checked).toEqual(['{"upc":"1"}', '{"upc":5}', '{"upc":5}', '{"upc":"2"}']);
    expect(checkVariablesOnce(valid, { upc: 5 }, check({ upc: 5 }))?.map((error) => error.message)).toEqual([
      'Variable "$upc" got invalid value 5',
    ]);
    expect(checkVariablesOnce(valid, { upc: '1' }, check({ upc: '1' }))).toBeUndefined();
  });

  it('checks variable sets over 512 characters of JSON every time, and keeps at most 64 sets', () => {
    const valid = new Set<string>();
    let checks = 0;
    const check = () => {
      checks += 1;
      return undefined;
    };
    const long = { text: 'x'.repeat(600) };
    checkVariablesOnce(valid, long, check);
    checkVariablesOnce(valid, long, check);
    expect([checks, valid.size]).toEqual([2, 0]);
    for (let index = 0; index < 65; index += 1) checkVariablesOnce(valid, { index }, check);
    expect(valid.size).toBe(1);
  });
});
