import { composeServices } from '@apollo/composition';
import { startSubscriptionSubgraph, subscribeMultipart, ticksTypeDefs, viewerHeaders } from '@bff/testing';
import { allow } from 'graphql-shield';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBffServer } from '../src/server/createBffServer.js';
import { readWebBffConfig } from '@bff/web-bff';

const as = viewerHeaders('web');

// A subscription a remote subgraph defines, through a BFF over nothing else: the kit subscribes to the subgraph
// over GraphQL over WebSocket (ws:// at its routing URL) with the viewer's identity, and relays each event.
describe('a remote subgraph subscription through the BFF', () => {
  it("relays the subgraph's events to a multipart subscriber, with the viewer's identity sent to the subgraph", async () => {
    await using subgraph = await startSubscriptionSubgraph();
    const composed = composeServices([{ name: 'ticks', url: subgraph.url, typeDefs: ticksTypeDefs }]);
    if (!composed.supergraphSdl) throw new Error(`composition failed: ${String(composed.errors)}`);
    const file = join(mkdtempSync(join(tmpdir(), 'ticks-')), 'ticks.graphql');
    writeFileSync(file, composed.supergraphSdl);
    // The web BFF's settings (its development tokens), over this supergraph alone.
    const config = readWebBffConfig({
      WEB_BFF_SUPERGRAPH: file,
      WEB_BFF_PORT: '0',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
    });
    const bff = createBffServer(config, { authorization: { rules: {}, fallbackRule: allow } });
    const url = await bff.start();
    try {
      const subscription = await subscribeMultipart(
        `${url}/graphql`,
        { query: 'subscription { ticks(label: "a") { n label viewer } }' },
        as.customer,
      );
      expect(subscription.status).toBe(200);
      await subgraph.until((state) => state.subscribers === 1);
      expect(subgraph.state.connectionParams).toEqual([expect.objectContaining({ 'x-user-id': '1' })]);
      await subgraph.publish(7);
      let part = await subscription.next();
      while (part && Object.keys(part).length === 0) part = await subscription.next();
      expect(part).toEqual({ payload: { data: { ticks: { n: 7, label: 'a', viewer: '1' } } } });
      subscription.close();
      await subgraph.until((state) => state.subscribers === 0);
    } finally {
      await bff.stop();
    }
  });
});
