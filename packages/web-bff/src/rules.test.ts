import { Supergraph } from '@apollo/federation-internals';
import { createRuleBook, deny } from '@bff/gateway';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWebBffConfig } from './config.js';
import { webAuthorization } from './rules.js';

const apiSchema = Supergraph.build(readFileSync(readWebBffConfig({}).supergraphFile, 'utf8'))
  .apiSchema()
  .toGraphQLJSSchema();

describe('web rule map', () => {
  it('gives every field of the web API a rule, so the fallback deny never has to decide', () => {
    expect(createRuleBook(apiSchema, webAuthorization.rules, deny).unruledFields).toEqual([]);
  });
});
