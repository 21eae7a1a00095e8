import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AttemptSignal, abortSignalOf, onAbortOf } from './AttemptSignal.js';

describe('AttemptSignal', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('aborts at its timeout with a TimeoutError, as AbortSignal.timeout does, calling each listener once', () => {
    const signal = new AttemptSignal(100);
    const calls: string[] = [];
    signal.onAbort(() => calls.push('first'));
    onAbortOf(signal, () => calls.push('second'));
    vi.advanceTimersByTime(99);
    expect([signal.aborted, calls]).toEqual([false, []]);
    vi.advanceTimersByTime(1);
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBeInstanceOf(DOMException);
    expect([signal.reason?.name, signal.reason?.message]).toEqual([
      'TimeoutError',
      'The operation was aborted due to timeout',
    ]);
    expect(calls).toEqual(['first', 'second']);
  });

  it('calls no listener that stopped listening, and nothing once cleared', () => {
    const stopped = new AttemptSignal(100);
    const calls: string[] = [];
    const stop = stopped.onAbort(() => calls.push('stopped'));
    stopped.onAbort(() => calls.push('kept'));
    stop();
    const cleared = new AttemptSignal(100);
    cleared.onAbort(() => calls.push('cleared'));
    cleared.clear();
    vi.advanceTimersByTime(1_000);
    expect(calls).toEqual(['kept']);
    expect(cleared.aborted).toBe(false);
  });

  it('gives a standard AbortSignal that follows it, already aborted when made after the timeout', () => {
    const early = new AttemptSignal(100);
    const standard = abortSignalOf(early);
    expect(standard).toBeInstanceOf(AbortSignal);
    expect(abortSignalOf(early)).toBe(standard);
    vi.advanceTimersByTime(100);
    expect([standard.aborted, standard.reason]).toEqual([true, early.reason]);
    const late = new AttemptSignal(10);
    vi.advanceTimersByTime(10);
    expect([abortSignalOf(late).aborted, abortSignalOf(late).reason]).toEqual([true, late.reason]);
  });

  it('listens to a standard AbortSignal too, once', () => {
    const controller = new AbortController();
    const calls: number[] = [];
    onAbortOf(controller.signal, () => calls.push(1));
    const stop = onAbortOf(controller.signal, () => calls.push(2));
    stop();
    controller.abort();
    controller.signal.dispatchEvent(new Event('abort'));
    expect(calls).toEqual([1]);
    expect(abortSignalOf(controller.signal)).toBe(controller.signal);
  });
});
