import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { productPageDownstream } from './productPageDownstream.js';

/**
 * A gateway that does nothing but the product page's downstream calls: node:http in front, the
 * plan's calls over undici behind (productPageDownstream), a fixed small answer. No GraphQL, no
 * authentication, no rules. The floor of any Node gateway's unloaded latency on this page, here:
 * what is left above it is what GraphQL and the BFF's features cost.
 */
export async function serveFloorGateway(
  services: Record<string, string>,
): Promise<{ url: string; close(): Promise<void> }> {
  const calls = productPageDownstream(services);
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      // Parsed as a gateway must, though nothing in it is used.
      JSON.parse(Buffer.concat(chunks).toString());
      calls.once().then(
        () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"productPage":null}}'),
        (error: unknown) =>
          response
            .writeHead(502, { 'content-type': 'application/json' })
            .end(JSON.stringify({ errors: [{ message: error instanceof Error ? error.message : String(error) }] })),
      );
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: async () => {
      await new Promise<void>((closed) => server.close(() => closed()));
      await calls.close();
    },
  };
}
