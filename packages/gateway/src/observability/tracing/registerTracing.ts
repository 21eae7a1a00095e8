import { trace, type ProxyTracerProvider } from '@opentelemetry/api';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-node';

/** Where spans go, and how they are sent. */
export interface TracingOptions {
  readonly exporter: SpanExporter;
  /** Send each span as it ends (tests) instead of in batches. @default false */
  readonly immediate?: boolean;
}

/**
 * Turns tracing on for this process: a tracer provider with the AsyncLocalStorage context
 * manager and the W3C trace-context propagator, registered globally (OpenTelemetry's API is
 * process-wide, and @apollo/gateway emits its spans through it). Returns undefined when a
 * provider is already registered (a second BFF in the process shares the first one's).
 */
export function registerTracing(options: TracingOptions): NodeTracerProvider | undefined {
  const provider = new NodeTracerProvider({
    spanProcessors: [
      options.immediate ? new SimpleSpanProcessor(options.exporter) : new BatchSpanProcessor(options.exporter),
    ],
  });
  provider.register();
  // register() leaves an earlier global provider in place; then this one is never used. (ProxyTracerProvider is
  // deprecated for the next major version of @opentelemetry/api, without a replacement: see inActiveSpan.)
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- see the line above
  return (trace.getTracerProvider() as ProxyTracerProvider).getDelegate() === provider ? provider : undefined;
}
