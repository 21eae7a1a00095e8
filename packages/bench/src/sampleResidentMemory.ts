import { readFileSync } from 'node:fs';

/** A running sampler of one process's resident memory; {@link ResidentMemorySampler.stop} gives the peak. */
export interface ResidentMemorySampler {
  /** Stops sampling; returns the largest RSS seen, in MB: of the samples, and of the kernel's own peak. */
  stop(): { readonly sampledMaxMb: number; readonly peakMb: number };
}

/** A field of /proc/<pid>/status in MB (Linux writes them in kB); NaN once the process has exited. */
function statusMegabytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return Number.NaN;
  }
  const kilobytes = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return kilobytes / 1024;
}

/**
 * Samples VmRSS of `pid` every `everyMs`. The kernel's VmHWM (the peak RSS since the process started) is read at
 * the stop too: it also catches a spike between two samples.
 */
export function sampleResidentMemory(pid: number, everyMs = 200): ResidentMemorySampler {
  let sampledMaxMb = 0;
  // NaN (an exited process) is skipped: Math.max would make it the maximum.
  const sample = () => {
    const rss = statusMegabytes(pid, 'VmRSS');
    if (!Number.isNaN(rss)) sampledMaxMb = Math.max(sampledMaxMb, rss);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { sampledMaxMb, peakMb: statusMegabytes(pid, 'VmHWM') };
    },
  };
}
