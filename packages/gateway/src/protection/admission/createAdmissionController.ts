import { priorityClasses, type AdmissionTicket, type PriorityClass } from '../../core/AdmissionTicket.js';

export type { AdmissionTicket };
import { OverloadedError } from '../../errors/BffError.js';

/** Timers the controller waits with; tests pass their own to decide when a wait runs out. */
export interface AdmissionTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** How many operations run at once and how the rest wait. */
export interface AdmissionOptions {
  /** Operations executing at once; 0 admits everything at once (admission off). */
  readonly maxInFlight: number;
  /** Operations waiting for a slot, all classes together. */
  readonly maxQueue: number;
  /** Slots above the limit that only critical operations may take, so they never wait behind others. @default 0 */
  readonly criticalReserve?: number;
  /** Longest wait per class, in milliseconds; 0: an operation of that class never waits. */
  readonly maxWaitMs: Readonly<Record<PriorityClass, number>>;
  /** What Retry-After says to a shed client, in seconds. @default 1 */
  readonly retryAfterSeconds?: number;
  /** Milliseconds clock for queued time. @default performance.now */
  readonly now?: () => number;
  /** @default setTimeout and clearTimeout */
  readonly timers?: AdmissionTimers;
}

/** Counters of one class since the controller was made; cumulative, so prom-client can read them as counters. */
export interface AdmissionClassStats {
  /** Operations admitted, at once or after waiting. */
  readonly admitted: number;
  /** Operations that had to wait in the queue (then admitted, shed or withdrawn). */
  readonly queued: number;
  /** Milliseconds all of them spent in the queue together. */
  readonly queuedMilliseconds: number;
  /** Operations refused with OVERLOADED. */
  readonly shed: number;
  /** Waiting right now (a gauge). */
  readonly waiting: number;
}

/** A snapshot of the controller. */
export interface AdmissionStats {
  /** Operations running right now (a gauge). */
  readonly inFlight: number;
  readonly classes: Readonly<Record<PriorityClass, AdmissionClassStats>>;
}

/** Decides which operations run now, which wait, and which are shed under overload. */
export interface AdmissionController {
  /** Asks for a slot for an operation of class `priority`. */
  admit(priority: PriorityClass): AdmissionTicket;
  /** Operations allowed in flight now: maxInFlight, or less while an adaptive limit holds it down. */
  limit(): number;
  /** Sets the limit, between 1 and maxInFlight; a raised limit admits waiting operations at once. */
  setLimit(limit: number): void;
  stats(): AdmissionStats;
}

type Slot = 'shared' | 'reserved';

interface Waiter {
  readonly priority: PriorityClass;
  readonly enqueuedAt: number;
  readonly admit: (slot: Slot) => void;
  readonly shed: (reason: string) => void;
  timer: unknown;
}

const rank = (priority: PriorityClass) => priorityClasses.indexOf(priority);

const defaultTimers: AdmissionTimers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Priority admission. Below `maxInFlight` an operation runs at once. Above it, it waits in a
 * queue served by class (critical, high, normal, low), then by arrival. An operation is shed
 * (OverloadedError: HTTP 503, OVERLOADED, Retry-After) when the queue is full and no class
 * lower than its own is waiting — otherwise the newest waiter of the lowest class present is
 * shed in its place — or when its class's maximum wait runs out.
 */
export function createAdmissionController(options: AdmissionOptions): AdmissionController {
  const now = options.now ?? (() => performance.now());
  const timers = options.timers ?? defaultTimers;
  const retryAfterSeconds = options.retryAfterSeconds ?? 1;
  const queues = Object.fromEntries(priorityClasses.map((priority) => [priority, [] as Waiter[]])) as Record<
    PriorityClass,
    Waiter[]
  >;
  const counters = Object.fromEntries(
    priorityClasses.map((priority) => [priority, { admitted: 0, queued: 0, queuedMilliseconds: 0, shed: 0 }]),
  ) as Record<PriorityClass, { admitted: number; queued: number; queuedMilliseconds: number; shed: number }>;
  // Operations in shared slots (any class, up to the limit) and in the critical reserve (above it).
  let sharedInFlight = 0;
  let reservedInFlight = 0;
  let waiting = 0;
  // What an adaptive limit may lower below maxInFlight (never above it).
  let limit = options.maxInFlight;

  const leaveQueue = (waiter: Waiter) => {
    const queue = queues[waiter.priority];
    queue.splice(queue.indexOf(waiter), 1);
    waiting -= 1;
    timers.clear(waiter.timer);
    counters[waiter.priority].queuedMilliseconds += now() - waiter.enqueuedAt;
  };
  const lowestWaiting = () => priorityClasses.findLast((priority) => queues[priority].length > 0);
  const reserve = options.criticalReserve ?? 0;
  // The slot an operation of this class could take now: a shared one, else (critical only) a
  // reserved one, which no lower class's work and no lowered limit can hold.
  const freeSlotFor = (priority: PriorityClass): Slot | undefined =>
    sharedInFlight < limit ? 'shared' : priority === 'critical' && reservedInFlight < reserve ? 'reserved' : undefined;
  const dispatch = () => {
    for (;;) {
      const next = priorityClasses.find((priority) => queues[priority].length > 0);
      if (next === undefined) return;
      const slot = freeSlotFor(next);
      const waiter = queues[next][0];
      if (!slot || waiter === undefined) return;
      leaveQueue(waiter);
      waiter.admit(slot);
    }
  };
  const shedMessage = (priority: PriorityClass, reason: string) =>
    `This BFF is overloaded and shed this ${priority}-priority operation (${reason}). ` +
    `Retry in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`;

  function admit(priority: PriorityClass): AdmissionTicket {
    let state: 'waiting' | 'running' | 'done' = 'waiting';
    let held: Slot = 'shared';
    // Set once the operation queues, but declared (and initialised) up here: release() reads it even when the
    // ticket returned before that, so a `const` further down would throw in its temporal dead zone.
    let waiter: Waiter | undefined = undefined;
    let settle!: { resolve: () => void; reject: (error: OverloadedError) => void };
    const admitted = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    // A shed ticket's rejection is the caller's to handle; an unobserved one must not crash the process.
    admitted.catch(() => undefined);
    const run = (slot: Slot) => {
      state = 'running';
      held = slot;
      if (slot === 'shared') sharedInFlight += 1;
      else reservedInFlight += 1;
      counters[priority].admitted += 1;
      settle.resolve();
    };
    const shed = (reason: string) => {
      state = 'done';
      counters[priority].shed += 1;
      settle.reject(OverloadedError.withoutStack(shedMessage(priority, reason), retryAfterSeconds));
    };
    const ticket: { -readonly [K in keyof AdmissionTicket]: AdmissionTicket[K] } = {
      priority,
      admitted,
      admittedAtOnce: false,
      release() {
        if (state === 'running') {
          if (held === 'shared') sharedInFlight -= 1;
          else reservedInFlight -= 1;
          dispatch();
        } else if (state === 'waiting' && waiter) leaveQueue(waiter);
        state = 'done';
      },
    };

    if (options.maxInFlight === 0) {
      // Admission off: counted, never held, so release has nothing to give back.
      counters[priority].admitted += 1;
      state = 'done';
      settle.resolve();
      ticket.admittedAtOnce = true;
      return ticket;
    }
    // Nobody waits ahead of an operation that finds a free slot: dispatch leaves none free while anyone waits.
    const slot = freeSlotFor(priority);
    if (slot) {
      run(slot);
      ticket.admittedAtOnce = true;
      return ticket;
    }
    const maxWaitMs = options.maxWaitMs[priority];
    if (maxWaitMs === 0) {
      shed('no capacity is free and its class may not wait');
      return ticket;
    }
    if (waiting >= options.maxQueue) {
      const lowest = lowestWaiting();
      const displaced = lowest === undefined || rank(lowest) <= rank(priority) ? undefined : queues[lowest].at(-1);
      if (displaced === undefined) {
        shed('the queue is full');
        return ticket;
      }
      leaveQueue(displaced);
      displaced.shed('the queue is full and higher-priority operations are waiting');
    }
    waiter = {
      priority,
      enqueuedAt: now(),
      admit: run,
      shed,
      timer: undefined,
    };
    const self = waiter;
    waiter.timer = timers.set(() => {
      leaveQueue(self);
      shed(`it waited ${maxWaitMs} ms, the most its class may wait`);
    }, maxWaitMs);
    queues[priority].push(waiter);
    waiting += 1;
    counters[priority].queued += 1;
    return ticket;
  }

  return {
    admit,
    limit: () => limit,
    setLimit(next) {
      limit = Math.max(1, Math.min(options.maxInFlight, Math.floor(next)));
      dispatch();
    },
    stats: () => ({
      inFlight: sharedInFlight + reservedInFlight,
      classes: Object.fromEntries(
        priorityClasses.map((priority) => [priority, { ...counters[priority], waiting: queues[priority].length }]),
      ) as Record<PriorityClass, AdmissionClassStats>,
    }),
  };
}
