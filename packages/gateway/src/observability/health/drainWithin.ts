import type { Logger } from '@apollo/utils.logger';

/**
 * Waits for `drained` (in-flight requests finishing) at most `graceMs`; past it, logs a warning
 * and calls `cutOff` (closing the remaining connections), then waits for `drained` again.
 */
export async function drainWithin(
  drained: Promise<void>,
  graceMs: number,
  cutOff: () => void,
  logger: Logger,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const overran = new Promise<true>((resolve) => (timer = setTimeout(() => resolve(true), graceMs)));
  try {
    if (await Promise.race([drained.then(() => false), overran])) {
      logger.warn(`requests still in flight after the shutdown grace of ${graceMs} ms; closing their connections`);
      cutOff();
      await drained;
    }
  } finally {
    clearTimeout(timer);
  }
}
