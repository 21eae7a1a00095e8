import { isDeepStrictEqual } from 'node:util';
import { postGraphQL } from '@bff/testing';
import type { GraphQLSchema } from 'graphql';
import { answersAgree, comparedAnswer, withMisplacedErrorsMatched, type ComparedAnswer } from './compareResponses.js';
import type { ConformanceRequest } from './ConformanceRequest.js';
import { specKeyOrder } from './specKeyOrder.js';
import { chosenOperationOnly } from './chosenOperationOnly.js';

/** A gateway the suite sends requests to, as one kind of client. */
export interface Endpoint {
  /** e.g. `stock`, `bff`, `web rules as staff`. */
  readonly name: string;
  readonly url: string;
  /** Sent with every request, e.g. a viewer's Authorization. @default none */
  readonly headers?: Readonly<Record<string, string>>;
  /** Stock is the oracle; a kit endpoint is compared with it as the kit. */
  readonly side: 'stock' | 'kit';
}

/** One kit endpoint that must answer as its oracle does (stock, or the kit without rules). */
export interface Comparison {
  readonly kit: Endpoint;
  readonly oracle: Endpoint;
}

/** A kit endpoint's answer that differs from its oracle's, both as compared. */
export interface Difference {
  readonly variant: string;
  readonly oracle: string;
  readonly request: ConformanceRequest;
  readonly expected: ComparedAnswer;
  readonly actual: ComparedAnswer;
  /** Both `data` as JSON text, when only the order of their keys differs (the diff of objects would hide it). */
  readonly keyOrder?: { readonly expected: string; readonly actual: string };
}

/** Gateways over one supergraph, ready to be compared. */
export interface ConformanceRun extends AsyncDisposable {
  /** The API schema clients see (what generated operations are written against). */
  readonly apiSchema: GraphQLSchema;
  /** The composed supergraph both gateways serve. */
  readonly supergraphSdl: string;
  /** Every endpoint the comparisons name, oracles first (for checks that send requests of their own, e.g. @defer's). */
  readonly endpoints: readonly Endpoint[];
  /** Sends `request` to every endpoint, one after another; the comparisons that disagree. */
  compare(request: ConformanceRequest): Promise<Difference[]>;
  close(): Promise<void>;
}

/** Sends one request to a GraphQL endpoint as a client would (POST, JSON). */
async function send(endpoint: Endpoint, sent: ConformanceRequest): Promise<ComparedAnswer> {
  const request = endpoint.side === 'stock' ? chosenOperationOnly(sent) : sent;
  const body = {
    query: request.query,
    ...(request.variables && { variables: request.variables }),
    ...(request.operationName !== undefined && { operationName: request.operationName }),
  };
  return comparedAnswer(await postGraphQL(endpoint.url, body, { ...endpoint.headers }), endpoint.side);
}

/**
 * Compares each kit endpoint with its oracle. Every endpoint gets each request once, in the order
 * the comparisons name them (oracles first), so subgraphs that keep state see the same sequence
 * of calls from each gateway.
 */
export function conformanceRun(
  supergraphSdl: string,
  apiSchema: GraphQLSchema,
  comparisons: readonly Comparison[],
  close: () => Promise<void>,
): ConformanceRun {
  const endpoints = [...new Set(comparisons.flatMap(({ oracle, kit }) => [oracle, kit]))];
  const compare = async (request: ConformanceRequest): Promise<Difference[]> => {
    const answers = new Map<Endpoint, ComparedAnswer>();
    for (const endpoint of endpoints) answers.set(endpoint, await send(endpoint, request));
    const answerOf = (endpoint: Endpoint) => {
      const answer = answers.get(endpoint);
      if (!answer) throw new Error(`${endpoint.name} was not asked: it is in no comparison`);
      return answer;
    };
    return comparisons.flatMap(({ kit, oracle }) => {
      const expected = answerOf(oracle);
      const actual = answerOf(kit);
      if (answersAgree(expected, actual)) return [];
      const matched = oracle.side === 'stock' ? withMisplacedErrorsMatched(expected, actual) : undefined;
      if (matched && answersAgree(matched, actual)) return [];
      const [expectedJson, actualJson] = [JSON.stringify(expected.data), JSON.stringify(actual.data)];
      // Stock @apollo/gateway sometimes orders keys otherwise than the spec (intendedDifferences.ts): the spec decides.
      if (isDeepStrictEqual(expected, actual) && actualJson === specKeyOrder(apiSchema, request, actual.data))
        return [];
      return [
        {
          variant: kit.name,
          oracle: oracle.name,
          request,
          expected,
          actual,
          ...(expectedJson !== actualJson && { keyOrder: { expected: expectedJson, actual: actualJson } }),
        },
      ];
    });
  };
  return { apiSchema, supergraphSdl, endpoints, compare, close, [Symbol.asyncDispose]: close };
}
