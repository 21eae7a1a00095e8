// Runs the four benchmark subgraphs on 127.0.0.1:4501–4504 (HOST overrides the interface) until
// SIGINT or SIGTERM.
import { defaultGuildSubgraphPorts, startGuildSubgraphs } from './startGuildSubgraphs.js';

const subgraphs = await startGuildSubgraphs({
  ports: defaultGuildSubgraphPorts,
  host: process.env['HOST'] || '127.0.0.1',
});
for (const [name, url] of Object.entries(subgraphs.urls)) console.log(`${name} subgraph ready at ${url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`${signal} received, closing`);
    subgraphs.close().catch((error: unknown) => {
      console.error('close failed', error);
      process.exitCode = 1;
    });
  });
}
