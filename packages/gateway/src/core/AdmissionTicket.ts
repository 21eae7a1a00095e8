/** Priority classes, highest first: under overload the last is shed first. */
export const priorityClasses = ['critical', 'high', 'normal', 'low'] as const;
export type PriorityClass = (typeof priorityClasses)[number];

/** One operation's place: wait for `admitted`, and call `release` once, whatever happened. */
export interface AdmissionTicket {
  readonly priority: PriorityClass;
  /** Resolves when the operation may run; rejects with OverloadedError when it is shed. */
  readonly admitted: Promise<void>;
  /**
   * True when the operation was admitted as it asked, with nothing to wait for: a caller may go on without awaiting
   * `admitted`.
   */
  readonly admittedAtOnce: boolean;
  /** Gives the slot back, or leaves the queue if still waiting; later calls do nothing. */
  release(): void;
}
