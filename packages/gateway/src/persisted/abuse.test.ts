import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPersistedQueryManifest, readPersistedQueryManifest, sha256Hex } from './persistedQueryManifest.js';

const directoryWith = (files: Record<string, string>) => {
  const directory = mkdtempSync(join(tmpdir(), 'bff-operations-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
  return directory;
};

describe('persisted query manifests, misused', () => {
  const problemsOf = (manifest: unknown) => {
    const file = join(
      directoryWith({ 'manifest.json': typeof manifest === 'string' ? manifest : JSON.stringify(manifest) }),
      'manifest.json',
    );
    try {
      readPersistedQueryManifest(file);
    } catch (error) {
      return (error as { problems: string[] }).problems.map((problem) => problem.replace(file, '<file>'));
    }
    return [];
  };

  it('refuses a file that is not JSON', () => {
    expect(problemsOf('{')).toEqual([
      expect.stringMatching(/^persisted query manifest <file> must be a readable JSON file, but: /),
    ]);
  });

  it('refuses another format and malformed entries, naming each', () => {
    expect(
      problemsOf({ format: 'other', version: 1, operations: [{ id: 'x', body: 'q', name: 'Q', type: 'query' }] }),
    ).toEqual([
      'persisted query manifest <file> at format: Invalid input: expected "apollo-persisted-query-manifest"',
      'persisted query manifest <file> at operations.0.id: Invalid string: must match pattern /^[0-9a-f]{64}$/',
    ]);
  });

  it('refuses an id that is not the sha256 of its body', () => {
    const body = '{ a }';
    expect(
      problemsOf({
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [{ id: sha256Hex(`${body} `), body, name: 'A', type: 'query' }],
      }),
    ).toEqual(['persisted query manifest <file>: the id of A must be the sha256 of its body; run npm run manifest']);
  });

  it('refuses anonymous operations, repeated names and unknown fragments when building', () => {
    expect(() => buildPersistedQueryManifest(directoryWith({ 'a.graphql': '{ a }' }))).toThrow(
      /^every operation in .+ must be named, but one is anonymous: \{/,
    );
    expect(() =>
      buildPersistedQueryManifest(directoryWith({ 'a.graphql': 'query A { a }', 'b.graphql': 'query A { b }' })),
    ).toThrow(/must be unique, but these repeat: A$/);
    expect(() => buildPersistedQueryManifest(directoryWith({ 'a.graphql': 'query A { ...F }' }))).toThrow(
      'fragment F is used but defined in no operation file',
    );
  });
});
