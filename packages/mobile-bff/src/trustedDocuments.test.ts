import { Supergraph } from '@apollo/federation-internals';
import {
  buildPersistedQueryManifest,
  printPersistedQueryManifest,
  readPersistedQueryManifest,
  sha256Hex,
} from '@bff/gateway';
import { startServices, startTestBff, type RunningServices, type TestBff } from '@bff/testing';
import { parse, validate } from 'graphql';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readMobileBffConfig } from './config.js';
import { mobileManifestFile, mobileOperationsDir } from './trustedDocuments.js';

const manifest = readPersistedQueryManifest(mobileManifestFile);
const operation = (name: string) => manifest.operations.find((entry) => entry.name === name)!;
const feedVariables = { first: 2, imageWidth: 64, density: 2 };
const adHoc = /* GraphQL */ `{ feed(first: 1) { edges { node { upc } } } }`;
const adHocId = sha256Hex(adHoc);

describe('mobile persisted query manifest', () => {
  it('is current: npm run manifest was run after the last change to packages/mobile-bff/operations', () => {
    expect(readFileSync(mobileManifestFile, 'utf8')).toBe(
      printPersistedQueryManifest(buildPersistedQueryManifest(mobileOperationsDir)),
    );
  });

  it.each(manifest.operations.map((entry) => [entry.name, entry] as const))(
    'has %s valid against the mobile API schema (with @defer)',
    (_name, entry) => {
      // With @defer, as the kit's executor serves it (ProductDetail defers its reviews).
      const apiSchema = Supergraph.build(readFileSync(readMobileBffConfig({}).supergraphFile, 'utf8'))
        .apiSchema()
        .toGraphQLJSSchema({ includeDefer: true });
      expect(validate(apiSchema, parse(entry.body)).map((error) => error.message)).toEqual([]);
    },
  );
});

describe('mobile BFF trusted documents', () => {
  let services: RunningServices;
  const started: TestBff[] = [];
  const start = async (mode: string, lines?: string[]) => {
    const env = { MOBILE_BFF_TRUSTED_DOCUMENTS: mode, ...(lines && { LOG_LEVEL: 'warn' }) };
    const bff = await startTestBff(
      'mobile',
      services,
      env,
      lines ? { logStream: { write: (line) => void lines.push(line) } } : {},
    );
    started.push(bff);
    return bff;
  };
  beforeAll(async () => {
    services = await startServices();
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((bff) => bff.stop()));
  });
  afterAll(() => services?.close());

  interface FeedAnswer {
    data: { feed: { edges: { node: { upc: string; imageUrl: string } }[] } };
  }
  const feedCards = (body: unknown) =>
    (body as FeedAnswer).data.feed.edges.map((edge) => [edge.node.upc, edge.node.imageUrl]);
  const expectedCards = [
    ['100001', 'https://images.example.com/images/100001.jpg?w=128'],
    ['100002', 'https://images.example.com/images/100002.jpg?w=128'],
  ];

  it('runs a manifest operation by its APQ hash, by its documentId and by its exact text', async () => {
    const mobile = await start('enforce');
    const feed = operation('Feed');
    const byHash = await mobile.post({
      extensions: { persistedQuery: { version: 1, sha256Hash: feed.id } },
      variables: feedVariables,
    });
    expect([byHash.status, feedCards(byHash.body)]).toEqual([200, expectedCards]);
    const byDocumentId = await mobile.post({ documentId: `sha256:${feed.id}`, variables: feedVariables });
    expect(feedCards(byDocumentId.body)).toEqual(expectedCards);
    const byText = await mobile.post({ query: feed.body, variables: feedVariables });
    expect(feedCards(byText.body)).toEqual(expectedCards);
  });

  it('runs a manifest operation by hash over GET', async () => {
    const mobile = await start('enforce');
    const params = new URLSearchParams({
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: operation('Feed').id } }),
      variables: JSON.stringify(feedVariables),
    });
    const response = await fetch(`${mobile.url}/graphql?${params.toString()}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(feedCards(await response.json())).toEqual(expectedCards);
  });

  it('refuses an unknown id with PERSISTED_QUERY_NOT_FOUND before any service is called', async () => {
    const mobile = await start('enforce');
    services.resetCalls();
    for (const body of [
      { extensions: { persistedQuery: { version: 1, sha256Hash: adHocId } } },
      { documentId: adHocId },
    ]) {
      const response = await mobile.post(body);
      expect([response.status, response.body]).toEqual([
        200,
        {
          errors: [
            {
              message:
                `PersistedQueryNotFound: no operation of this BFF's persisted query manifest has id ${adHocId}. ` +
                'Send the id (sha256) of a manifest operation.',
              extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
            },
          ],
        },
      ]);
    }
    expect(Object.values(services.calls).flat()).toEqual([]);
  });

  it('refuses an operation text not in the manifest with 400 OPERATION_NOT_TRUSTED, also when it tries to register by APQ', async () => {
    const mobile = await start('enforce');
    services.resetCalls();
    const notTrusted = {
      errors: [
        {
          message:
            "Operation not trusted: only operations of this BFF's persisted query manifest run here, " +
            `and this one (sha256 ${adHocId}) is not among them. ` +
            'Send a manifest operation by its id or its exact text.',
          extensions: { code: 'OPERATION_NOT_TRUSTED' },
        },
      ],
    };
    for (const body of [
      { query: adHoc },
      { query: adHoc, extensions: { persistedQuery: { version: 1, sha256Hash: adHocId } } },
    ]) {
      const response = await mobile.post(body);
      expect([response.status, response.body]).toEqual([400, notTrusted]);
    }
    // A manifest text with a changed whitespace is another text.
    expect(
      (await mobile.post({ query: `${operation('Feed').body} `, variables: feedVariables })).body.errors[0].extensions
        .code,
    ).toBe('OPERATION_NOT_TRUSTED');
    expect(Object.values(services.calls).flat()).toEqual([]);
  });

  it('serves an unknown operation in log mode and logs it with its hash and text', async () => {
    const lines: string[] = [];
    const mobile = await start('log', lines);
    const response = await mobile.post({ query: adHoc, operationName: null });
    expect(response.body).toEqual({ data: { feed: { edges: [{ node: { upc: '100001' } }] } } });
    await mobile.post({ query: operation('Feed').body, variables: feedVariables });
    const warnings = lines.map((line) => JSON.parse(line)).filter((entry) => entry.level === 40);
    expect(warnings).toEqual([
      expect.objectContaining({
        msg: 'untrusted operation served (trusted documents: log)',
        operationName: null,
        sha256: adHocId,
        query: adHoc,
      }),
    ]);
  });

  it('serves anything with trusted documents off', async () => {
    const mobile = await start('off');
    expect((await mobile.post({ query: adHoc })).body).toEqual({
      data: { feed: { edges: [{ node: { upc: '100001' } }] } },
    });
  });
});
