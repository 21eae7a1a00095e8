import { readFileSync } from 'node:fs';

/** A running sampler of one process's resident memory; {@link ResidentMemorySampler.stop} gives the peak. */
export interface ResidentMemorySampler {
  /** Stops sampling; returns the largest RSS seen, in MB: of the samples, and of the kernel's own peak. */
  stop(): { readonly sampledMaxMb: number; readonly peakMb: number };
}

/** A field of /proc/<pid>/status in MB (Linux writes them in kB). */
function statusMegabytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return kilobytes / 1024;
}

/**
 * Samples VmRSS of `pid` every `everyMs`. The kernel's VmHWM (the peak RSS since the process started) is read at
 * the stop too: it also catches a spike between two samples.
 */
export function sampleResidentMemory(pid: number, everyMs = 200): ResidentMemorySampler {
  let sampledMaxMb = statusMegabytes(pid, 'VmRSS');
  const timer = setInterval(() => {
    sampledMaxMb = Math.max(sampledMaxMb, statusMegabytes(pid, 'VmRSS'));
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sampledMaxMb = Math.max(sampledMaxMb, statusMegabytes(pid, 'VmRSS'));
      return { sampledMaxMb, peakMb: statusMegabytes(pid, 'VmHWM') };
    },
  };
}
