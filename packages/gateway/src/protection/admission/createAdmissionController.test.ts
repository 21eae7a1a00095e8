import { describe, expect, it } from 'vitest';
import type { PriorityClass } from '../../config/readProtectionConfig.js';
import { OverloadedError } from '../../errors/BffError.js';
import { createAdmissionController, type AdmissionOptions, type AdmissionTicket } from './createAdmissionController.js';

/** Timers the test fires by hand, and a clock it moves by hand: nothing here depends on real time. */
function manualTime() {
  let clock = 0;
  const pending = new Map<number, { callback: () => void; at: number }>();
  let next = 0;
  return {
    now: () => clock,
    timers: {
      set: (callback: () => void, ms: number) => {
        next += 1;
        pending.set(next, { callback, at: clock + ms });
        return next;
      },
      clear: (handle: unknown) => void pending.delete(handle as number),
    },
    /** Moves the clock and fires every timer due by then, in order. */
    advance(ms: number) {
      clock += ms;
      for (const [handle, timer] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at > clock) continue;
        pending.delete(handle);
        timer.callback();
      }
    },
  };
}

const maxWaitMs = { critical: 400, high: 300, normal: 200, low: 100 };

function controller(options: Partial<AdmissionOptions> = {}) {
  const time = manualTime();
  const admission = createAdmissionController({
    maxInFlight: 1,
    maxQueue: 10,
    maxWaitMs,
    now: time.now,
    timers: time.timers,
    ...options,
  });
  /** Each admitted or shed ticket, in the order it was decided. */
  const decided: string[] = [];
  const admit = (priority: PriorityClass, name: string): AdmissionTicket => {
    const ticket = admission.admit(priority);
    ticket.admitted.then(
      () => decided.push(`${name} admitted`),
      (error: unknown) => decided.push(`${name} shed: ${(error as Error).message}`),
    );
    return ticket;
  };
  return { admission, admit, decided, time, settle: () => new Promise<void>((resolve) => setImmediate(resolve)) };
}

describe('createAdmissionController', () => {
  it('lets critical operations take the reserved slots above the limit, and nothing else', async () => {
    const { admission, admit, decided, settle } = controller({ maxInFlight: 1, criticalReserve: 1 });
    const running = admit('normal', 'running');
    admit('high', 'high1');
    admit('critical', 'critical1');
    admit('critical', 'critical2');
    await settle();
    // critical1 takes the reserved slot at once; critical2 waits ahead of high1.
    expect(decided).toEqual(['running admitted', 'critical1 admitted']);
    expect(admission.stats().inFlight).toBe(2);
    running.release();
    await settle();
    expect(decided).toEqual(['running admitted', 'critical1 admitted', 'critical2 admitted']);
    expect(admission.stats().classes.high.waiting).toBe(1);
  });

  it('keeps the reserved slots for critical operations when a lowered limit leaves more running than it allows', async () => {
    const { admission, admit, decided, settle } = controller({ maxInFlight: 2, criticalReserve: 1 });
    const running = [admit('high', 'high1'), admit('high', 'high2')];
    admission.setLimit(1);
    admit('normal', 'normal1');
    admit('critical', 'critical1');
    await settle();
    // Two run where one is now allowed; critical1 still takes its reserved slot at once.
    expect(decided).toEqual(['high1 admitted', 'high2 admitted', 'critical1 admitted']);
    running[0]!.release();
    await settle();
    // One shared slot in use against a limit of one: normal1 still waits.
    expect(decided).toEqual(['high1 admitted', 'high2 admitted', 'critical1 admitted']);
    running[1]!.release();
    await settle();
    expect(decided).toEqual(['high1 admitted', 'high2 admitted', 'critical1 admitted', 'normal1 admitted']);
    expect(admission.stats().inFlight).toBe(2);
  });

  it('admits at once below the in-flight limit', async () => {
    const { admission, admit, decided, settle } = controller({ maxInFlight: 2 });
    admit('low', 'a');
    admit('normal', 'b');
    await settle();
    expect(decided).toEqual(['a admitted', 'b admitted']);
    expect(admission.stats().inFlight).toBe(2);
  });

  it('serves the queue by class, then by arrival, as slots are released', async () => {
    const { admit, decided, settle } = controller();
    const running = admit('normal', 'running');
    const tickets = [
      admit('low', 'low1'),
      admit('normal', 'normal1'),
      admit('critical', 'critical1'),
      admit('low', 'low2'),
      admit('high', 'high1'),
      admit('critical', 'critical2'),
    ];
    await settle();
    expect(decided).toEqual(['running admitted']);
    running.release();
    for (let index = 0; index < tickets.length; index += 1) {
      await settle();
      // Release whichever ticket was admitted last: one slot, handed on in queue order.
      const last = decided.at(-1)!.split(' ')[0]!;
      tickets[['low1', 'normal1', 'critical1', 'low2', 'high1', 'critical2'].indexOf(last)]?.release();
    }
    await settle();
    expect(decided).toEqual([
      'running admitted',
      'critical1 admitted',
      'critical2 admitted',
      'high1 admitted',
      'normal1 admitted',
      'low1 admitted',
      'low2 admitted',
    ]);
  });

  it('sheds the newest operation of the lowest class waiting when the queue is full, never a higher one', async () => {
    const { admission, admit, decided, settle } = controller({ maxQueue: 3 });
    admit('normal', 'running');
    admit('low', 'low1');
    admit('low', 'low2');
    admit('normal', 'normal1');
    admit('critical', 'critical1'); // full: low2, the newest low, makes room
    admit('high', 'high1'); // full: low1 makes room
    admit('normal', 'normal2'); // full, and nothing lower than normal waits: normal2 itself is shed
    await settle();
    expect(decided).toEqual([
      'running admitted',
      'low2 shed: This BFF is overloaded and shed this low-priority operation ' +
        '(the queue is full and higher-priority operations are waiting). Retry in 1 second.',
      'low1 shed: This BFF is overloaded and shed this low-priority operation ' +
        '(the queue is full and higher-priority operations are waiting). Retry in 1 second.',
      'normal2 shed: This BFF is overloaded and shed this normal-priority operation (the queue is full). ' +
        'Retry in 1 second.',
    ]);
    expect(admission.stats().classes).toMatchObject({
      critical: { admitted: 0, queued: 1, shed: 0, waiting: 1 },
      high: { admitted: 0, queued: 1, shed: 0, waiting: 1 },
      normal: { admitted: 1, queued: 1, shed: 1, waiting: 1 },
      low: { admitted: 0, queued: 2, shed: 2, waiting: 0 },
    });
  });

  it("sheds an operation when its class's maximum wait runs out, and counts the time it waited", async () => {
    const { admission, admit, decided, time, settle } = controller();
    const running = admit('normal', 'running');
    admit('low', 'low1');
    admit('critical', 'critical1');
    time.advance(150);
    await settle();
    expect(decided).toEqual([
      'running admitted',
      'low1 shed: This BFF is overloaded and shed this low-priority operation ' +
        '(it waited 100 ms, the most its class may wait). Retry in 1 second.',
    ]);
    running.release();
    await settle();
    expect(decided.at(-1)).toBe('critical1 admitted');
    expect(admission.stats().classes.low).toEqual({
      admitted: 0,
      queued: 1,
      queuedMilliseconds: 150,
      shed: 1,
      waiting: 0,
    });
    expect(admission.stats().classes.critical).toEqual({
      admitted: 1,
      queued: 1,
      queuedMilliseconds: 150,
      shed: 0,
      waiting: 0,
    });
  });

  it('sheds at once a class whose maximum wait is 0 when no slot is free, and never with a free slot', async () => {
    const { admit, decided, settle } = controller({ maxWaitMs: { ...maxWaitMs, low: 0 } });
    const running = admit('low', 'running');
    admit('low', 'low1');
    running.release();
    admit('low', 'low2');
    await settle();
    expect(decided).toEqual([
      'running admitted',
      'low1 shed: This BFF is overloaded and shed this low-priority operation ' +
        '(no capacity is free and its class may not wait). Retry in 1 second.',
      'low2 admitted',
    ]);
  });

  it('rejects a shed ticket with OverloadedError: 503, OVERLOADED, Retry-After', async () => {
    const { admit } = controller({ maxQueue: 0, retryAfterSeconds: 2 });
    admit('high', 'running');
    const error = await admit('critical', 'critical').admitted.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OverloadedError);
    expect((error as OverloadedError).message).toBe(
      'This BFF is overloaded and shed this critical-priority operation (the queue is full). Retry in 2 seconds.',
    );
    expect((error as OverloadedError).extensions).toEqual({
      code: 'OVERLOADED',
      http: { status: 503, headers: new Map([['retry-after', '2']]) },
    });
    // Shed by the thousand under overload: made without capturing a stack, and the process's limit left as it was.
    expect((error as OverloadedError).stack).toBe(
      'OverloadedError: This BFF is overloaded and shed this critical-priority operation (the queue is full). ' +
        'Retry in 2 seconds.',
    );
    expect(Error.stackTraceLimit).toBe(10);
  });

  it('lets a waiting ticket leave the queue, and ignores a second release', async () => {
    const { admission, admit, decided, settle } = controller();
    const running = admit('normal', 'running');
    const leaving = admit('high', 'leaving');
    admit('low', 'low1');
    leaving.release();
    running.release();
    running.release();
    await settle();
    expect(decided).toEqual(['running admitted', 'low1 admitted']);
    expect(admission.stats()).toMatchObject({
      inFlight: 1,
      classes: { high: { admitted: 0, queued: 1, shed: 0, waiting: 0 } },
    });
  });

  it('admits everything, counting it, when maxInFlight is 0', async () => {
    const { admission, admit, decided, settle } = controller({ maxInFlight: 0, maxQueue: 0 });
    for (let index = 0; index < 5; index += 1) admit('low', `low${index}`).release();
    await settle();
    expect(decided).toHaveLength(5);
    expect(admission.stats()).toMatchObject({ inFlight: 0, classes: { low: { admitted: 5, shed: 0 } } });
  });
});
