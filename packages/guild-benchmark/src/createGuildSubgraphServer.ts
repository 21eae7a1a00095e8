import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { execute, GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';

/** Options of {@link createGuildSubgraphServer}. */
export interface GuildSubgraphServerOptions {
  /** How many distinct request bodies keep their response, and query texts their parsed document. @default 1000 */
  maxCachedEntries?: number;
  /** Largest request body accepted; a bigger one is answered 413. @default 1048576 */
  maxBodyBytes?: number;
}

/** Where the subgraph serves GraphQL (POST only). */
export const guildSubgraphPath = '/graphql';

type Prepared = { document: DocumentNode } | { errors: readonly GraphQLError[] };

/**
 * Serves one subgraph schema on plain node:http at POST {@link guildSubgraphPath}. Near-instant
 * like the Rust originals; the data never changes: each distinct query text is parsed and
 * validated once, and each distinct request body's JSON response is memoised, so a repeated
 * gateway fetch costs a Map lookup. Both caches are bounded (oldest entry out first).
 * Never listens.
 */
export function createGuildSubgraphServer(schema: GraphQLSchema, options: GuildSubgraphServerOptions = {}): Server {
  const maxEntries = options.maxCachedEntries ?? 1000;
  const maxBodyBytes = options.maxBodyBytes ?? 1_048_576;
  const documents = new Map<string, Prepared>();
  const responses = new Map<string, { status: number; json: string }>();

  function prepare(query: string): Prepared {
    let prepared = documents.get(query);
    if (!prepared) {
      try {
        const document = parse(query);
        const errors = validate(schema, document);
        prepared = errors.length > 0 ? { errors } : { document };
      } catch (error) {
        prepared = { errors: [error as GraphQLError] };
      }
      remember(documents, query, prepared, maxEntries);
    }
    return prepared;
  }

  async function answer(body: string): Promise<{ status: number; json: string }> {
    let request: unknown;
    try {
      request = JSON.parse(body);
    } catch {
      return failure(400, 'The request body must be JSON.');
    }
    const { query, variables, operationName } = (request ?? {}) as Record<string, unknown>;
    if (typeof query !== 'string') return failure(400, 'The request must have a "query" string.');
    const prepared = prepare(query);
    if ('errors' in prepared) return { status: 400, json: JSON.stringify({ errors: prepared.errors }) };
    const result = await execute({
      schema,
      document: prepared.document,
      variableValues: variables as Record<string, unknown> | null | undefined,
      operationName: typeof operationName === 'string' ? operationName : null,
    });
    return { status: 200, json: JSON.stringify(result) };
  }

  // Idle keep-alive connections stay open a minute (Node's default is 5 s): a gateway left idle between bench
  // rounds otherwise reuses a socket the subgraph is closing and gets "socket hang up" (stock's fetcher did).
  return createServer({ keepAliveTimeout: 60_000 }, (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.split('?')[0] !== guildSubgraphPath) {
      send(res, failure(404, `Not found: POST ${guildSubgraphPath} serves GraphQL.`));
      return;
    }
    if (req.method !== 'POST') {
      send(res, failure(405, `Method not allowed: POST ${guildSubgraphPath} serves GraphQL.`), { allow: 'POST' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > maxBodyBytes) {
        send(res, failure(413, `The request body must be at most ${maxBodyBytes} bytes, but got: ${size}`));
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      const cached = responses.get(body);
      if (cached) {
        send(res, cached);
        return;
      }
      answer(body).then(
        (response) => {
          remember(responses, body, response, maxEntries);
          send(res, response);
        },
        (error: unknown) => send(res, failure(500, (error as Error).message)),
      );
    });
  });
}

function failure(status: number, message: string): { status: number; json: string } {
  return { status, json: JSON.stringify({ errors: [{ message }] }) };
}

function send(
  res: ServerResponse,
  { status, json }: { status: number; json: string },
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

function remember<V>(cache: Map<string, V>, key: string, value: V, maxEntries: number): void {
  if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
}
