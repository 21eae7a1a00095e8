import { childProcessesOf } from '@bff/testing';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { measureLoad, type LoadOptions } from './measureThroughput.js';

/** Resident memory of one process, in MB, from /proc (Linux). */
function residentMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kilobytes / 1024;
}

/** The process and its children (cluster workers), by pid. */
export function processTree(pid: number): number[] {
  return [pid, ...childProcessesOf(pid)];
}

/** CPU time (user + system) the process and its children have used so far, in ms (Linux clock ticks of 10 ms). */
export function cpuMilliseconds(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The fields after the command name, which ends at the last ') ' (proc(5)).
      const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // A worker that exited since the tree was read.
    }
  }
  return ticks * 10;
}

/** RSS samples over a sustained load: the largest process's, every `everySeconds`. */
export interface MemoryReport {
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly errors: number;
  /** Largest RSS of any one process of the target (primary or worker) at each sample, MB. */
  readonly samplesMb: readonly number[];
  readonly processes: number;
}

/** Drives `load` for `seconds` while sampling the target's resident memory. */
export async function sustainedMemory(
  pid: number,
  load: LoadOptions,
  seconds: number,
  everySeconds = 10,
): Promise<MemoryReport> {
  const samplesMb: number[] = [];
  const stopSampling = new AbortController();
  const tree = processTree(pid);
  const sampler = (async () => {
    while (!stopSampling.signal.aborted) {
      samplesMb.push(Math.max(...tree.map(residentMegabytes)));
      await sleep(everySeconds * 1000);
    }
  })();
  const result = await measureLoad({ ...load, durationSeconds: seconds, tolerateErrors: true });
  stopSampling.abort();
  await sampler;
  samplesMb.push(Math.max(...tree.map(residentMegabytes)));
  return {
    seconds,
    requestsPerSecond: result.requestsPerSecond,
    errors: result.errors,
    samplesMb,
    processes: tree.length,
  };
}

/**
 * The report with its two targets: flat (the last third no more than 10% above the first third
 * after warm-up) and below 300 MB.
 */
export function formatMemory(name: string, report: MemoryReport): string {
  const samples = report.samplesMb.slice(1);
  const third = Math.max(1, Math.floor(samples.length / 3));
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const early = mean(samples.slice(0, third));
  const late = mean(samples.slice(-third));
  const peak = Math.max(...report.samplesMb);
  const flat = late <= early * 1.1;
  return [
    `memory, ${name}, ${report.seconds} s sustained at ${report.requestsPerSecond.toFixed(0)} req/s ` +
      `(${report.errors} errors), largest of ${report.processes} process(es):`,
    `  RSS MB every 10 s: ${report.samplesMb.map((sample) => sample.toFixed(0)).join(' ')}`,
    `  first third ${early.toFixed(0)} MB, last third ${late.toFixed(0)} MB ` +
      `(target: flat) ${flat ? 'MET' : 'MISSED'}; ` +
      `peak ${peak.toFixed(0)} MB (target: < 300) ${peak < 300 ? 'MET' : 'MISSED'}`,
  ].join('\n');
}
