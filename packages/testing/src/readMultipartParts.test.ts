import { describe, expect, it } from 'vitest';
import { boundaryOf, readMultipartParts } from './readMultipartParts.js';

const initial = { data: { product: { upc: '100001' } }, hasNext: true };
const subsequent = { incremental: [{ data: { reviews: [] }, path: ['product'], label: 'reviews' }], hasNext: false };
/** The bytes Apollo Server 5 writes for an initial result and one subsequent result (runHttpQuery.ts). */
const apolloServerBody =
  `\r\n---\r\ncontent-type: application/json; charset=utf-8\r\n\r\n${JSON.stringify(initial)}\r\n---\r\n` +
  `content-type: application/json; charset=utf-8\r\n\r\n${JSON.stringify(subsequent)}\r\n-----\r\n`;

/** A multipart response whose body arrives in chunks of `size` characters. */
function multipartResponse(body: string, size: number): Response {
  const chunks: Uint8Array[] = [];
  for (let start = 0; start < body.length; start += size) {
    chunks.push(new TextEncoder().encode(body.slice(start, start + size)));
  }
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks.shift();
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
  return new Response(stream, { headers: { 'content-type': 'multipart/mixed; boundary="-"; deferSpec=20220824' } });
}

async function partsOf(response: Response): Promise<unknown[]> {
  const parts: unknown[] = [];
  for await (const part of readMultipartParts(response)) parts.push(part);
  return parts;
}

describe('readMultipartParts', () => {
  it('reads Apollo Server parts however the body is cut into chunks', async () => {
    for (let size = 1; size <= apolloServerBody.length; size += 1) {
      expect(await partsOf(multipartResponse(apolloServerBody, size))).toEqual([initial, subsequent]);
    }
  });

  it('fails when the body ends before the closing delimiter', async () => {
    const cut = apolloServerBody.slice(0, apolloServerBody.lastIndexOf('-----'));
    await expect(partsOf(multipartResponse(cut, 7))).rejects.toThrow(
      new Error('the multipart answer ended before its closing delimiter -----'),
    );
  });

  it('fails naming a part that is not JSON', async () => {
    const part = '\r\ncontent-type: application/json\r\n\r\n{"data":';
    const body = `\r\n---${part}\r\n-----\r\n`;
    await expect(partsOf(multipartResponse(body, 5))).rejects.toThrow(
      new Error(`a part of the multipart answer is not JSON: ${JSON.stringify(part)}`),
    );
  });

  it('reads the boundary quoted or not, and - when there is none', () => {
    expect(boundaryOf('multipart/mixed; boundary="-"; deferSpec=20220824')).toBe('-');
    expect(boundaryOf('multipart/mixed;boundary=graphql;subscriptionSpec=1.0')).toBe('graphql');
    expect(boundaryOf('multipart/mixed')).toBe('-');
  });
});
