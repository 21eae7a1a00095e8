import { ProxyTracerProvider, trace, type Span, type SpanOptions, type Tracer } from '@opentelemetry/api';

// What the global provider delegates to while nobody registered one. ProxyTracerProvider is deprecated for the next
// major version of @opentelemetry/api, which has no replacement yet: it is still the global provider in 1.x, and
// its delegate the only sign of a registered one.
// eslint-disable-next-line @typescript-eslint/no-deprecated -- see the lines above
const noopProviderType = new ProxyTracerProvider().getDelegate().constructor;
const nonRecordingSpan = trace.wrapSpanContext({
  traceId: '00000000000000000000000000000000',
  spanId: '0000000000000000',
  traceFlags: 0,
});

/** Whether a tracer provider is registered in this process (registerTracing, or the application's own). */
export function isTracingOn(): boolean {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the global provider (see noopProviderType)
  return (trace.getTracerProvider() as ProxyTracerProvider).getDelegate().constructor !== noopProviderType;
}

/**
 * `tracer.startActiveSpan`, except that with no provider registered `run` gets a non-recording
 * span at once: a request makes a dozen spans, and OpenTelemetry's no-op path still allocates a
 * span and a context for each and runs `run` inside the context manager.
 */
export function inActiveSpan<T>(tracer: Tracer, name: string, options: SpanOptions, run: (span: Span) => T): T {
  return isTracingOn() ? tracer.startActiveSpan(name, options, run) : run(nonRecordingSpan);
}
