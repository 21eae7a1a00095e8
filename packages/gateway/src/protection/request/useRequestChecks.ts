import type { FastifyBodyParser, FastifyInstance } from 'fastify';
import { isUtf8 } from 'node:buffer';
import { BadRequestError } from '../../errors/BffError.js';
import { replyWithBffError } from '../../core/replyWithHttpError.js';

const charsetParameter = /;\s*charset\s*=\s*"?([^";\s]*)/i;

/** A body parser that answers through `done` and returns nothing (not the form that returns a promise). */
type CallbackBodyParser = Exclude<FastifyBodyParser<string>, (...args: never[]) => Promise<unknown>>;

/**
 * What a GraphQL request must be as HTTP, checked before its body is read: a POST says it sends
 * JSON (415 BAD_REQUEST when the Content-Type is missing, another type or another charset than
 * UTF-8), and its body is UTF-8 (400 BAD_REQUEST, instead of replacement characters reaching the
 * parser). Fastify's text/plain parser is removed, so text/plain is 415 too. (Mutations over GET
 * are Apollo Server's: 405 BAD_REQUEST with `Allow: POST`.)
 */
export function useRequestChecks(http: FastifyInstance, graphqlPath: string): void {
  // Fastify's default JSON parser is the callback form (lib/content-type-parser.js); its type allows either.
  const parseJson = http.getDefaultJsonParser('error', 'error') as CallbackBodyParser;
  http.removeContentTypeParser(['application/json', 'text/plain']);
  http.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    if (!isUtf8(body as Buffer)) {
      done(new BadRequestError('The request body is not valid UTF-8. Send JSON encoded in UTF-8.'), undefined);
      return;
    }
    parseJson(request, (body as Buffer).toString('utf8'), done);
  });
  // Callback style, as every synchronous hook of the BFF: no promise and microtask turn per request.
  http.addHook('preParsing', (request, reply, payload, done) => {
    if (request.method !== 'POST' || request.routeOptions.url !== graphqlPath) {
      done(null, payload);
      return;
    }
    const contentType = request.headers['content-type']?.trim();
    if (!contentType)
      return void replyWithBffError(reply, new BadRequestError('Missing Content-Type. Send application/json.', 415));
    const charset = charsetParameter.exec(contentType)?.[1]?.toLowerCase();
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      return void replyWithBffError(
        reply,
        new BadRequestError('Unsupported charset. Send application/json in UTF-8.', 415),
      );
    }
    done(null, payload);
  });
}
