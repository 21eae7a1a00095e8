import {
  listenOnFreePort,
  startServices,
  startTestBff,
  type RunningServer,
  type RunningServices,
  type TestBff,
} from '@bff/testing';
import Fastify from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * A stand-in for the reviews subgraph that answers each call only when the test says so: an
 * operation the BFF sent there stays in flight, under the test's control, for as long as it likes.
 */
async function startHeldReviews() {
  const arrived: { operationName: string; answer: () => void }[] = [];
  const waiters: (() => void)[] = [];
  let holding = true;
  const app = Fastify();
  app.post('/graphql', async (request) => {
    const { operationName } = request.body as { operationName: string };
    await new Promise<void>((answer) => {
      arrived.push({ operationName, answer });
      if (!holding) answer();
      waiters.splice(0).forEach((wake) => wake());
    });
    return { data: { latestReviews: [{ id: 'r1' }] } };
  });
  const server: RunningServer = await listenOnFreePort(app);
  return {
    server,
    /** Operation names of the calls received so far, in order of arrival. */
    arrivals: () => arrived.map((call) => call.operationName),
    /** Resolves once `count` calls have arrived. */
    async received(count: number) {
      while (arrived.length < count) await new Promise<void>((wake) => waiters.push(wake));
    },
    /** Answers call number `index` (0-based). */
    answer: (index: number) => arrived[index]!.answer(),
    /** Answers every call held, and every call to come at once. */
    stopHolding() {
      holding = false;
      arrived.forEach((call) => call.answer());
    },
  };
}

const operation = (name: string) => ({
  query: `query ${name} { latestReviews(first: 1) { id } }`,
  operationName: name,
});

describe('web BFF priority admission', () => {
  let services: RunningServices;
  let reviews: Awaited<ReturnType<typeof startHeldReviews>>;
  let web: TestBff | undefined;
  beforeAll(async () => {
    services = await startServices();
  });
  afterEach(async () => {
    reviews?.stopHolding();
    await web?.stop();
    await reviews?.server.close();
  });
  afterAll(() => services?.close());

  async function startWith(env: NodeJS.ProcessEnv) {
    reviews = await startHeldReviews();
    web = await startTestBff('web', services, {
      WEB_BFF_SUBGRAPH_REVIEWS_URL: `${reviews.server.url}/graphql`,
      WEB_BFF_ADMISSION_MAX_IN_FLIGHT: '1',
      WEB_BFF_PRIORITY_CRITICAL: 'Urgent',
      WEB_BFF_PRIORITY_LOW: 'Later',
      ...env,
    });
    return web;
  }

  it('sheds an operation with 503, OVERLOADED and Retry-After when the slot is taken and nothing may wait', async () => {
    const bff = await startWith({ WEB_BFF_ADMISSION_MAX_QUEUE: '0' });
    const running = bff.post(operation('Running'));
    await reviews.received(1);
    const shed = await bff.post(operation('Later'));
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('1');
    expect(shed.body).toEqual({
      errors: [
        {
          message:
            'This BFF is overloaded and shed this low-priority operation (the queue is full). Retry in 1 second.',
          extensions: { code: 'OVERLOADED' },
        },
      ],
    });
    reviews.answer(0);
    expect((await running).body).toEqual({ data: { latestReviews: [{ id: 'r1' }] } });
    expect(reviews.arrivals()).toHaveLength(1);
    expect(bff.server.protectionStats().admission).toEqual({
      inFlight: 0,
      classes: {
        critical: { admitted: 0, queued: 0, queuedMilliseconds: 0, shed: 0, waiting: 0 },
        high: { admitted: 0, queued: 0, queuedMilliseconds: 0, shed: 0, waiting: 0 },
        normal: { admitted: 1, queued: 0, queuedMilliseconds: 0, shed: 0, waiting: 0 },
        low: { admitted: 0, queued: 0, queuedMilliseconds: 0, shed: 1, waiting: 0 },
      },
    });
  });

  it('runs the waiting critical operation before the low one that came first, and sheds low to make room', async () => {
    const bff = await startWith({ WEB_BFF_ADMISSION_MAX_QUEUE: '2' });
    const stats = () => bff.server.protectionStats().admission.classes;
    const running = bff.post(operation('Running'));
    await reviews.received(1);
    const later = bff.post(operation('Later'));
    await vi.waitUntil(() => stats().low.waiting === 1);
    const urgent = bff.post(operation('Urgent'));
    await vi.waitUntil(() => stats().critical.waiting === 1);
    // The queue is full: a normal operation displaces the low one.
    const normal = bff.post(operation('Normal'));
    expect((await later).status).toBe(503);
    reviews.answer(0);
    await reviews.received(2);
    expect(reviews.arrivals()[1]).toBe('Urgent');
    reviews.answer(1);
    await reviews.received(3);
    expect(reviews.arrivals()[2]).toBe('Normal');
    reviews.answer(2);
    expect((await Promise.all([running, urgent, normal])).map((response) => response.status)).toEqual([200, 200, 200]);
    expect(stats()).toMatchObject({
      critical: { admitted: 1, queued: 1, shed: 0 },
      normal: { admitted: 2, queued: 1, shed: 0 },
      low: { admitted: 0, queued: 1, shed: 1 },
    });
  });

  it('admits by the operation name the body claims before GraphQL runs, so a shed request costs no parsing or validation', async () => {
    const bff = await startWith({ WEB_BFF_ADMISSION_MAX_QUEUE: '0' });
    const running = bff.post(operation('Running'));
    await reviews.received(1);
    // Invalid GraphQL: validation would answer 400, but the request is shed before it.
    const shed = await bff.post({ query: 'query Later { noSuchField }', operationName: 'Later' });
    expect(shed.status).toBe(503);
    expect(shed.body).toEqual({
      errors: [
        {
          message:
            'This BFF is overloaded and shed this low-priority operation (the queue is full). Retry in 1 second.',
          extensions: { code: 'OVERLOADED' },
        },
      ],
    });
    reviews.answer(0);
    expect((await running).status).toBe(200);
  });

  it('re-admits under its own class a request whose text claimed another operation name', async () => {
    const bff = await startWith({});
    reviews.stopHolding();
    // No operationName: the first name in the text (here in a comment) is the claim; the operation is Later.
    const response = await bff.post({ query: '# query Urgent\nquery Later { latestReviews(first: 1) { id } }' });
    expect(response.body).toEqual({ data: { latestReviews: [{ id: 'r1' }] } });
    expect(bff.server.protectionStats().admission.classes).toMatchObject({
      critical: { admitted: 1, shed: 0 },
      low: { admitted: 1, shed: 0 },
    });
    expect(bff.server.protectionStats().admission.inFlight).toBe(0);
  });

  it('sheds a request that names its operation in x-apollo-operation-name before its body is read or its token checked', async () => {
    const bff = await startWith({ WEB_BFF_ADMISSION_MAX_QUEUE: '0' });
    const running = bff.post(operation('Running'));
    await reviews.received(1);
    // Neither the body (not JSON) nor the token (not a JWT) is looked at: the request is shed first.
    const response = await bff.post('{not json', {
      'x-apollo-operation-name': 'Later',
      authorization: 'Bearer not-a-token',
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(response.body).toEqual({
      errors: [
        {
          message:
            'This BFF is overloaded and shed this low-priority operation (the queue is full). Retry in 1 second.',
          extensions: { code: 'OVERLOADED' },
        },
      ],
    });
    reviews.answer(0);
    expect((await running).status).toBe(200);
  });
});
