import { readMultipartParts } from './readMultipartParts.js';

/** One JSON part of a `multipart/mixed` response, with when it was complete (ms after the request was sent). */
export interface ReceivedPart {
  readonly body: Record<string, unknown>;
  readonly atMs: number;
}

/** A GraphQL request answered in parts (or at once, then `parts` holds the one JSON body). */
export interface IncrementalResponse {
  readonly status: number;
  readonly contentType: string;
  readonly parts: readonly ReceivedPart[];
}

/** The Accept header of Apollo Client with its @defer support (deferSpec=20220824). */
export const incrementalAccept =
  'multipart/mixed;deferSpec=20220824,application/graphql-response+json,application/json';

/**
 * POSTs a GraphQL request accepting `multipart/mixed; deferSpec=20220824` and reads the response part by part as it
 * arrives (readMultipartParts), timing each part. A non-multipart answer is one part.
 */
export async function postIncremental(
  url: string,
  body: object,
  headers: Record<string, string> = {},
): Promise<IncrementalResponse> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: incrementalAccept, ...headers },
    body: JSON.stringify(body),
  });
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.startsWith('multipart/mixed')) {
    const text = await response.text();
    return {
      status: response.status,
      contentType,
      parts: [{ body: JSON.parse(text) as Record<string, unknown>, atMs: performance.now() - started }],
    };
  }
  const parts: ReceivedPart[] = [];
  for await (const body of readMultipartParts(response))
    parts.push({ body: body as Record<string, unknown>, atMs: performance.now() - started });
  return { status: response.status, contentType, parts };
}

/**
 * The answer the parts add up to: each incremental item's data merged into the initial data at its path, and every
 * error (the initial's first, then each item's in arrival order). What a client shows once `hasNext` is false.
 */
export function mergeParts(parts: readonly ReceivedPart[]): { data: unknown; errors: unknown[] } {
  const [initial, ...later] = parts;
  const data = structuredClone(initial?.body['data'] ?? null);
  const errors = [...((initial?.body['errors'] as unknown[] | undefined) ?? [])];
  for (const { body } of later) {
    const items =
      (body['incremental'] as { data: unknown; path: (string | number)[]; errors?: unknown[] }[] | undefined) ?? [];
    for (const item of items) {
      errors.push(...(item.errors ?? []));
      let target: unknown = data;
      for (const key of item.path) target = (target as Record<string | number, unknown> | null)?.[key];
      // A copy: a later item merges into what this one adds, which must not change the part as received.
      if (target !== null && typeof target === 'object' && item.data !== null)
        deepMergeInto(target as Record<string, unknown>, structuredClone(item.data) as Record<string, unknown>);
    }
  }
  return { data, errors };
}

function deepMergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (Array.isArray(existing) && Array.isArray(value))
      value.forEach((item: unknown, index) => {
        if (
          existing[index] !== null &&
          typeof existing[index] === 'object' &&
          item !== null &&
          typeof item === 'object'
        )
          deepMergeInto(existing[index] as Record<string, unknown>, item as Record<string, unknown>);
        else existing[index] = item;
      });
    else if (existing !== null && typeof existing === 'object' && value !== null && typeof value === 'object')
      deepMergeInto(existing as Record<string, unknown>, value as Record<string, unknown>);
    else target[key] = value;
  }
}
