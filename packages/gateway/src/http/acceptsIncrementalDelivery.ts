/**
 * Whether an HTTP request takes an @defer answer in parts, in the format Apollo Client and Relay read
 * (`multipart/mixed; deferSpec=20220824`, which Apollo Server writes). A client that also offers the newer
 * `incrementalSpec` format would be answered in that one's media type: it gets the whole answer at once, as
 * does every other client, and a batch (Apollo Server answers a batch with one JSON array).
 */
export function acceptsIncrementalDelivery(accept: string | undefined, body: unknown): boolean {
  if (!accept || Array.isArray(body)) return false;
  return /multipart\/mixed[^,]*deferSpec=20220824/i.test(accept) && !/incrementalSpec=/i.test(accept);
}
