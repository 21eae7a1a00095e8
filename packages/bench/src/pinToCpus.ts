import { execFile } from 'node:child_process';
import { cpus as machineCpus } from 'node:os';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Pins a process and all its threads to `cpus` (taskset's list syntax, "0" or "0-1"). Returns
 * false, pinning nothing, where taskset is missing or the machine has a single CPU; a thread that
 * ends while taskset walks them fails one attempt, so it tries three times.
 */
export async function pinToCpus(pid: number, cpus: string): Promise<boolean> {
  // The machine's CPUs, not this process's affinity: the bench pins itself too.
  if (machineCpus().length < 2) return false;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await run('taskset', ['--all-tasks', '--cpu-list', '--pid', cpus, String(pid)]);
      return true;
    } catch (error) {
      if (attempt === 3) {
        const reason = (error as { stderr?: string }).stderr?.trim() || String(error);
        console.error(`could not pin process ${pid} to CPU ${cpus}: ${reason}`);
        return false;
      }
    }
  }
}
