import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ClassOutcome } from './sendMixedLoad.js';
import { nodeFlagsToRun } from './spawnTarget.js';

/**
 * The critical clients of the overload, in a process of their own: the requests the target is
 * about are timed by an event loop that the bulk of the load (sent and answered in the bench
 * process) does not hold up. Run as a script it sends `rate` critical requests per second for
 * `seconds` and prints what became of them as one JSON line.
 */
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [url, rate, seconds] = process.argv.slice(2);
  if (url === undefined) throw new Error('usage: criticalClient <url> <rate> <seconds>');
  const { sendOpenLoop } = await import('./sendMixedLoad.js');
  const { criticalEntry } = await import('./webMix.js');
  // Ready once loaded (from sources, tsx takes a moment); the bench says when to start, with the rest of the load.
  console.log('ready');
  await new Promise((go) => process.stdin.once('data', go));
  const outcome = await sendOpenLoop(url, [{ ...criticalEntry(), per10: 10 }], Number(rate), Number(seconds));
  console.log(JSON.stringify(outcome.critical));
}

/** The critical clients (see above) in a child process, loaded and waiting for `go`. */
export interface CriticalClients {
  readonly pid: number;
  /** Starts sending; resolves with what became of the requests once every one is answered. */
  go(): Promise<ClassOutcome>;
}

export async function startCriticalClients(url: string, rate: number, seconds: number): Promise<CriticalClients> {
  const child = spawn(
    process.execPath,
    [...nodeFlagsToRun, fileURLToPath(import.meta.url), url, String(rate), String(seconds)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let output = '';
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  await new Promise<void>((ready, failed) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.startsWith('ready\n')) ready();
    });
    void exited.then((code) =>
      failed(new Error(`the critical clients exited with ${String(code)} before they were ready`)),
    );
  });
  // A child that failed to spawn has no pid, and prints nothing: it never got here.
  const { pid } = child;
  if (pid === undefined) throw new Error('the critical clients did not start');
  return {
    pid,
    async go() {
      child.stdin.end('go\n');
      const code = await exited;
      if (code !== 0) throw new Error(`the critical clients exited with ${String(code)}`);
      const lastLine = output.trim().split('\n').pop() ?? '';
      return JSON.parse(lastLine) as ClassOutcome;
    },
  };
}
