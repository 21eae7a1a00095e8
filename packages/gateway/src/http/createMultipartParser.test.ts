import { describe, expect, it } from 'vitest';
import { createMultipartParser, multipartBoundaryOf } from './createMultipartParser.js';

/** Feeds `chunks` to a parser of `boundary` and lists what it reported, in order. */
function parse(boundary: string, chunks: readonly string[]) {
  const seen: unknown[] = [];
  const parser = createMultipartParser(boundary, {
    part: (value) => seen.push(value),
    malformed: () => seen.push('malformed'),
    end: () => seen.push('end'),
  });
  const afterEach = chunks.map((chunk) => {
    parser.write(Buffer.from(chunk));
    return seen.length;
  });
  return { seen, afterEach };
}

const part = (json: string) => `--graphql\r\nContent-Type: application/json\r\n\r\n${json}\r\n`;

describe('createMultipartParser', () => {
  it('passes each JSON part on as soon as it is whole, before the next delimiter, and ends at the closing one', () => {
    const { seen, afterEach } = parse('graphql', [part('{}'), part('{"payload":{"data":{"n":1}}}'), '--graphql--\r\n']);
    expect(seen).toEqual([{}, { payload: { data: { n: 1 } } }, 'end']);
    expect(afterEach).toEqual([1, 2, 3]);
  });

  it('reads parts cut anywhere, a character split across chunks included, and ignores a preamble', () => {
    const body = `preamble\r\n${part('{"payload":{"data":{"name":"Zoë"}}}')}${part('{"errors":[]}')}--graphql--\r\n`;
    const bytes = Buffer.from(body);
    for (let cut = 1; cut < bytes.length; cut++) {
      const seen: unknown[] = [];
      const parser = createMultipartParser('graphql', {
        part: (value) => seen.push(value),
        malformed: () => seen.push('malformed'),
        end: () => seen.push('end'),
      });
      parser.write(bytes.subarray(0, cut));
      parser.write(bytes.subarray(cut));
      expect(seen).toEqual([{ payload: { data: { name: 'Zoë' } } }, { errors: [] }, 'end']);
    }
  });

  it('does not cut a part at a delimiter inside a JSON string, and reports a part that is not JSON', () => {
    const { seen } = parse('graphql', [
      part('{"payload":{"data":{"text":"--graphql--"}}}'),
      '--graphql\r\n\r\nnot json\r\n',
      '--graphql--\r\n',
      part('{"after":"the end"}'),
    ]);
    expect(seen).toEqual([{ payload: { data: { text: '--graphql--' } } }, 'malformed', 'end']);
  });

  it('reads the boundary of a multipart Content-Type, quoted or not', () => {
    expect(multipartBoundaryOf('multipart/mixed;boundary="graphql";subscriptionSpec="1.0"')).toBe('graphql');
    expect(multipartBoundaryOf('multipart/mixed; boundary=-')).toBe('-');
    expect(multipartBoundaryOf('multipart/mixed')).toBeUndefined();
  });
});
