import { StringDecoder } from 'node:string_decoder';

/** What a multipart/mixed body of JSON parts is cut into, as its bytes arrive. */
export interface MultipartParser {
  /** Takes the next bytes of the body, calling the handlers for what they complete. */
  write(chunk: Buffer): void;
}

/** Where the parts of a body go. */
export interface MultipartHandlers {
  /** A part's JSON value. */
  part(value: unknown): void;
  /** A part that is not JSON. */
  malformed(): void;
  /** The closing delimiter: nothing more follows. */
  end(): void;
}

/** Headers and body of a part are split by the first blank line (CRLF per RFC 2046; a bare LF tolerated). */
const blankLine = /\r?\n\r?\n/;

/**
 * A streaming parser of a multipart/mixed body (RFC 2046) of JSON parts, e.g. Apollo's multipart subscriptions:
 * `--graphql\r\nContent-Type: application/json\r\n\r\n{…}\r\n … --graphql--\r\n`. The preamble and the part headers
 * are dropped. A part is passed on as soon as its body ends a line and is whole JSON, without waiting for the next
 * delimiter (which comes only with the next event); else at the next delimiter. A delimiter counts only at the start
 * of a line, so a JSON string holding `--graphql` cannot cut a part (JSON strings hold no raw line breaks).
 */
export function createMultipartParser(boundary: string, handlers: MultipartHandlers): MultipartParser {
  const delimiter = `--${boundary}`;
  const decoder = new StringDecoder('utf8');
  let buffered = '';
  let state: 'preamble' | 'headers' | 'body' | 'passed' | 'ended' = 'preamble';
  /** Where the next delimiter starts in `buffered`, at the start of a line, or -1. */
  const nextDelimiter = (): number => {
    if (state === 'preamble' && buffered.startsWith(delimiter)) return 0;
    const lineStart = buffered.indexOf(`\n${delimiter}`);
    return lineStart < 0 ? -1 : lineStart + 1;
  };
  const parsed = (text: string): { value: unknown } | undefined => {
    try {
      return { value: JSON.parse(text) };
    } catch {
      return undefined;
    }
  };
  const step = (): boolean => {
    if (state === 'ended') return false;
    if (state === 'headers') {
      // Right after a delimiter: `--` closes the body, anything else is the rest of its line and the headers.
      if (buffered.length < 2) return false;
      if (buffered.startsWith('--')) {
        state = 'ended';
        buffered = '';
        handlers.end();
        return false;
      }
      const headersEnd = blankLine.exec(buffered);
      if (!headersEnd) return false;
      buffered = buffered.slice(headersEnd.index + headersEnd[0].length);
      state = 'body';
      return true;
    }
    const next = nextDelimiter();
    if (next >= 0) {
      const body = buffered.slice(0, next).trim();
      buffered = buffered.slice(next + delimiter.length);
      if (state === 'body' && body !== '') {
        const json = parsed(body);
        if (json) handlers.part(json.value);
        else handlers.malformed();
      }
      state = 'headers';
      return true;
    }
    if (state === 'body' && buffered.endsWith('\n')) {
      const json = parsed(buffered);
      if (json) {
        state = 'passed';
        // The line break is kept: the next delimiter starts a line.
        buffered = '\n';
        handlers.part(json.value);
      }
    }
    return false;
  };
  return {
    write(chunk) {
      if (state === 'ended') return;
      buffered += decoder.write(chunk);
      while (step());
    },
  };
}

/** The boundary a multipart Content-Type names (`boundary="graphql"` or `boundary=graphql`), or undefined. */
export function multipartBoundaryOf(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;,\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}
