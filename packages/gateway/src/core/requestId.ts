import { randomUUID } from 'node:crypto';

/** Header that carries the request id in and out. */
export const requestIdHeader = 'x-request-id';

const wellFormedRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

/** Keeps a client's request id when it is short and plain (it goes into logs), or makes one. */
export function readRequestId(header: string | string[] | undefined): string {
  return typeof header === 'string' && wellFormedRequestId.test(header) ? header : randomUUID();
}
