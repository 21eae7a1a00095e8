import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { createSubgraphApp } from '@bff/service-kit/subgraph';
import { listenOnFreePort, postGraphQL, type RunningServer } from '@bff/testing';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config/readConfig.js';
import { createBffServer, type BffServer } from '../server/createBffServer.js';

const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';
/** What the supergraph was composed from: the catalog as it was announced, with `discount`. */
const announcedSdl = `${link}\ntype Query { item: Item }\ntype Item { name: String discount: Int }\n`;
/** What the running catalog serves: `discount` was dropped without a new supergraph. */
const servedSdl = `${link}\ntype Query { item: Item }\ntype Item { name: String }\n`;

describe('a subgraph that refuses the request the BFF sends it', () => {
  let catalog: RunningServer;
  let bff: BffServer;
  let url: string;
  let dir: string;
  const logged: string[] = [];

  beforeAll(async () => {
    catalog = await listenOnFreePort(
      await createSubgraphApp({ typeDefs: parse(servedSdl), resolvers: { Query: { item: () => ({ name: 'Lamp' }) } } }),
    );
    const composed = composeServices([
      { name: 'catalog', url: `${catalog.url}/graphql`, typeDefs: parse(announcedSdl) },
    ]);
    if (composed.errors) throw new Error('the fixture supergraph did not compose');
    dir = mkdtempSync(join(tmpdir(), 'refusal-'));
    writeFileSync(join(dir, 'supergraph.graphql'), composed.supergraphSdl);
    const auth = {
      issuer: 'bff-dev',
      audience: 'refusal',
      developmentSecret: 'refusal-test-development-secret-not-for-production',
    };
    const config = readConfig({ LOG_LEVEL: 'error' }, 'BFF_', {
      name: 'refusal',
      port: 0,
      supergraphFile: join(dir, 'supergraph.graphql'),
      auth,
    });
    bff = createBffServer(config, { logStream: { write: (line) => void logged.push(line) } });
    url = `${await bff.start()}/graphql`;
  });
  afterAll(async () => {
    await bff?.stop();
    await catalog?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('issue #23 - says the service refused the request and that retrying will not help, and logs why', async () => {
    const response = await postGraphQL(url, { query: /* GraphQL */ `{ item { name discount } }` });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: { item: null },
      errors: [
        {
          message:
            'The catalog service refused the request the BFF sent it; ' +
            'the fields it provides are null in this response. ' +
            "Retrying will not help; the BFF's operators have been told.",
          extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'catalog' },
        },
      ],
    });
    expect(logged.some((line) => line.includes('Cannot query field \\"discount\\" on type \\"Item\\"'))).toBe(true);
  });
});
