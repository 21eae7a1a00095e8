import { Supergraph } from '@apollo/federation-internals';
import { createRuleBook, deny } from '@bff/gateway';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMobileBffConfig } from './config.js';
import { mobileAuthorization } from './rules.js';

describe('mobile rule map', () => {
  it('gives every field of the mobile API a rule, so the fallback deny never has to decide', () => {
    const apiSchema = Supergraph.build(readFileSync(readMobileBffConfig({}).supergraphFile, 'utf8'))
      .apiSchema()
      .toGraphQLJSSchema();
    expect(createRuleBook(apiSchema, mobileAuthorization.rules, deny).unruledFields).toEqual([]);
  });
});
