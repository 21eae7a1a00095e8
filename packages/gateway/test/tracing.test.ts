import { registerTracing } from '@bff/gateway';
import { startTestStack, type TestStack } from '@bff/testing';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const productPage = {
  query: /* GraphQL */ `
    query ProductPage($upc: String!) {
      productPage(upc: $upc) { product { name stock reviews(first: 2) { author { name } } } }
    }
  `,
  variables: { upc: '100002' },
};

describe('web BFF traces', () => {
  // Spans are process-wide in OpenTelemetry; vitest runs each test file in its own process.
  const exporter = new InMemorySpanExporter();
  const provider = registerTracing({ exporter, immediate: true });
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('web');
  });
  afterAll(async () => {
    await stack?.close();
    await provider?.shutdown();
  });

  it('makes a span per request, per query plan fetch and per downstream call, and passes traceparent on to services', async () => {
    expect(provider).toBeDefined();
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const clientSpanId = 'b7ad6b7169203331';
    stack.services.resetCalls();
    expect((await stack.bff.post(productPage, { traceparent: `00-${traceId}-${clientSpanId}-01` })).status).toBe(200);

    const spans = exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
    const byParent = new Map<string | undefined, ReadableSpan[]>();
    for (const span of spans)
      byParent.set(span.parentSpanContext?.spanId, [...(byParent.get(span.parentSpanContext?.spanId) ?? []), span]);
    const tree = (span: ReadableSpan): unknown => {
      const children = (byParent.get(span.spanContext().spanId) ?? []).map(tree);
      return children.length > 0
        ? { [span.name]: children.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) }
        : span.name;
    };
    const server = byParent.get(clientSpanId) ?? [];
    expect(server.map(tree)).toEqual([
      {
        'POST /graphql': [
          {
            'gateway.request': [
              'gateway.plan',
              'gateway.validate',
              {
                'gateway.execute': [
                  // The web view-model subgraph runs in-process: no call, no traceparent.
                  'gateway.fetch',
                  'gateway.postprocessing',
                  { 'gateway.fetch': ['call accounts'] },
                  { 'gateway.fetch': ['call inventory'] },
                  { 'gateway.fetch': ['call products'] },
                  { 'gateway.fetch': ['call reviews'] },
                ],
              },
            ],
          },
        ],
      },
    ]);
    expect(server[0]!.attributes).toEqual({
      'http.request.method': 'POST',
      'url.path': '/graphql',
      'http.response.status_code': 200,
      'bff.client': 'web',
      'graphql.operation.name': 'ProductPage',
      'bff.outcome': 'ok',
    });
    const call = (service: string) => spans.find((span) => span.name === `call ${service}`)!;
    expect(call('accounts').attributes).toEqual({ 'bff.service': 'accounts', 'bff.batch_size': 2 });
    // Each service sees the span of the call made to it as its parent.
    for (const service of ['products', 'reviews', 'accounts', 'inventory'] as const) {
      expect(stack.services.headers[service].map((headers) => headers['traceparent'])).toEqual([
        `00-${traceId}-${call(service).spanContext().spanId}-01`,
      ]);
    }
  });
});
