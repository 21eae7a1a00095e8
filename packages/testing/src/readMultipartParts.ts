/**
 * The boundary of a `multipart/mixed` content type (`boundary="-"`, quoted or not); `-` when it names
 * none, as Apollo Client assumes.
 */
export function boundaryOf(contentType: string): string {
  const match = /;\s*boundary=(?:"([^"]+)"|'([^']+)'|([^"';\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2] ?? match?.[3] ?? '-';
}

/**
 * The JSON parts of a `multipart/mixed` answer (incremental delivery, as Apollo Server writes it), each
 * yielded as soon as the delimiter after it has arrived, so a caller can time each part. Ends at the
 * closing delimiter (`-----` for boundary `-`); throws when the body ends before it, or a part is not JSON.
 */
export async function* readMultipartParts(response: Response): AsyncGenerator<unknown, void, undefined> {
  if (!response.body) throw new Error('the multipart answer has no body');
  const delimiter = `\r\n--${boundaryOf(response.headers.get('content-type') ?? '')}`;
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let seenFirstDelimiter = false;
  // Right after a delimiter, `--` makes it the closing one; a chunk may end before those two characters.
  let afterDelimiter = false;
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += decoder.decode(value, { stream: !done });
      for (;;) {
        if (afterDelimiter) {
          if (buffer.length < 2) break;
          if (buffer.startsWith('--')) {
            finished = true;
            return;
          }
          afterDelimiter = false;
        }
        // JSON escapes line breaks, so CRLF followed by the boundary never occurs inside a part.
        const at = buffer.indexOf(delimiter);
        if (at === -1) break;
        const part = buffer.slice(0, at);
        buffer = buffer.slice(at + delimiter.length);
        // What precedes the first delimiter is the preamble (Apollo Server sends an empty one).
        if (seenFirstDelimiter) yield parsePart(part);
        seenFirstDelimiter = true;
        afterDelimiter = true;
      }
      if (done) {
        finished = true;
        throw new Error(`the multipart answer ended before its closing delimiter ${delimiter.trim()}--`);
      }
    }
  } finally {
    // Stopped early (a caller's error, a bad part): the connection is let go, not left half read.
    if (!finished) await reader.cancel();
  }
}

/** A part's JSON body: after its headers and the blank line that ends them. */
function parsePart(part: string): unknown {
  const headersEnd = part.indexOf('\r\n\r\n');
  const body = headersEnd === -1 ? part : part.slice(headersEnd + 4);
  try {
    return JSON.parse(body);
  } catch {
    throw new Error(`a part of the multipart answer is not JSON: ${JSON.stringify(part.slice(0, 300))}`);
  }
}
