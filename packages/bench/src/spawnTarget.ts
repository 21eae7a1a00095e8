import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { productionEnv } from './productionEnv.js';

/** A server the benchmark started in its own process, so load and target do not share a thread. */
export interface Target {
  /** What the target printed once ready: its URLs. */
  readonly ready: Record<string, string>;
  /** The target's process id (its workers, if any, are its children). */
  readonly pid: number;
  stop(): Promise<void>;
}

let spawned = 0;
/** How long a target may take to stop on SIGTERM before it is killed. */
const stopGraceMs = 15_000;
/** Read once: it reads each BFF's configuration. */
const production = productionEnv();

/**
 * The BFF containers' V8 heap flags (docker-compose.yml, deploy/kubernetes): the old-space limit, and a 32 MB
 * young-generation semi-space (Node 20's default is 16) because scavenges of each request's short-lived objects
 * (the subgraphs' parsed answers, the response) were a third of the kit's CPU on The Guild's query: +30% req/s on
 * one core, RSS 221 -> 266 MB sustained (docs/benchmarks.md).
 */
export const bffHeapFlags: readonly string[] = ['--max-old-space-size=192', '--max-semi-space-size=32'];
/**
 * The mobile BFF's, as its compose service and Kubernetes Deployment run it: it holds the subscriptions, whose
 * long-lived state a 192 MB old space left too little room for (full collections most of the time with 1,000 open),
 * and a young generation that big made each scavenge of their promotions a tail pause (docs/benchmarks.md).
 */
export const mobileBffHeapFlags: readonly string[] = ['--max-old-space-size=256', '--max-semi-space-size=16'];
/**
 * How node runs a script of the bench: compiled (`npm run bench` runs dist/), the targets run
 * compiled too, as `npm start` and the containers do; from the TypeScript sources, through tsx.
 */
const compiled = import.meta.url.endsWith('.js');
export const nodeFlagsToRun: readonly string[] = compiled ? ['--conditions=bff-compiled'] : ['--import', 'tsx'];
const targetScript = fileURLToPath(new URL(compiled ? './target.js' : './target.ts', import.meta.url));

/** Starts `target <kind>` and waits for the JSON line it prints when it listens. */
export async function spawnTarget(kind: string, env: NodeJS.ProcessEnv = {}): Promise<Target> {
  // BENCH_CPU_PROF_DIR=dir: every target writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profileDir = process.env['BENCH_CPU_PROF_DIR'];
  const profile = profileDir
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${profileDir}`,
        `--cpu-prof-name=${kind.replace(/\W/g, '-')}-${(spawned += 1)}.cpuprofile`,
      ]
    : [];
  // BFFs run with the heap limit the compose file and Kubernetes manifests give them; BENCH_BFF_HEAP_FLAGS (node
  // flags, space-separated) replaces it for an investigation.
  const heapFlags =
    process.env['BENCH_BFF_HEAP_FLAGS']?.split(' ').filter(Boolean) ??
    (kind.startsWith('mobile-bff') ? mobileBffHeapFlags : bffHeapFlags);
  const heap = kind.includes('bff') ? heapFlags : [];
  const child = spawn(process.execPath, [...profile, ...heap, ...nodeFlagsToRun, targetScript, kind], {
    // One load generator sends everything from one address: rate limits would measure themselves, not the BFF.
    env: {
      ...process.env,
      ...production,
      LOG_LEVEL: 'error',
      APOLLO_TELEMETRY_DISABLED: 'true',
      WEB_BFF_RATE_LIMIT_PER_USER: '0',
      WEB_BFF_RATE_LIMIT_PER_CLIENT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const ready = await new Promise<Record<string, string>>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) resolve(JSON.parse(line) as Record<string, string>);
    });
    child.once('exit', (code) =>
      reject(new Error(`bench target ${kind} exited with ${String(code)} before it was ready`)),
    );
  });
  // A child that failed to spawn has no pid, and prints nothing: it never got here.
  const { pid } = child;
  if (pid === undefined) throw new Error(`bench target ${kind} did not start`);
  return {
    ready,
    pid,
    async stop() {
      child.kill('SIGTERM');
      // A target whose event loop is stuck (a busy loop) never runs its SIGTERM handler: it is killed.
      const stuck = setTimeout(() => child.kill('SIGKILL'), stopGraceMs);
      await exited;
      clearTimeout(stuck);
    },
  };
}
