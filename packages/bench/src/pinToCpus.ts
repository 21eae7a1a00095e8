import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Pins a process and all its threads to `cpus` (taskset's list syntax, "0" or "0-1"). Returns
 * false, pinning nothing, where taskset is missing or the machine has a single CPU.
 */
export async function pinToCpus(pid: number, cpus: string): Promise<boolean> {
  if (availableParallelism() < 2) return false;
  try {
    await run('taskset', ['--all-tasks', '--cpu-list', '--pid', cpus, String(pid)]);
    return true;
  } catch {
    return false;
  }
}
