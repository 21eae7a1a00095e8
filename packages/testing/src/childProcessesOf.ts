import { readFileSync, readdirSync } from 'node:fs';

/** Pids of the processes whose parent is `pid` (e.g. a cluster primary's workers), read from /proc (Linux). */
export function childProcessesOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        // The fields after the command name (which may hold spaces) start with state, then the parent pid.
        return readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number);
}
