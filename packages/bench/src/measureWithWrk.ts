import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadOptions, LoadResult } from './measureThroughput.js';

/**
 * Whether Debian's wrk is installed (`apt-get install wrk`): a load generator in C takes far less
 * of the machine than one in Node.
 */
export function hasWrk(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // wrk --version exits 1 after printing its usage; only a missing binary is ENOENT.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

const luaString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

/**
 * One load run with wrk: each request carries the next of `distinctHeaders` (threads start far
 * apart in the list, so no two concurrent requests share one), latency percentiles from wrk's own
 * histogram. Same result shape as autocannon's measureLoad.
 */
export async function measureWithWrk(
  options: LoadOptions & { readonly distinctHeaders: readonly Record<string, string>[] },
): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-wrk-'));
  const script = join(dir, 'load.lua');
  const headerSets = options.distinctHeaders.map(
    (headers) =>
      `{${Object.entries({ 'content-type': 'application/json', ...options.headers, ...headers })
        .map(([name, value]) => `[${luaString(name)}]=${luaString(value)}`)
        .join(',')}}`,
  );
  writeFileSync(
    script,
    `local sets = {${headerSets.join(',\n')}}
local body = ${luaString(JSON.stringify(options.body))}
local next_id = 0
function setup(thread) thread:set("id", next_id) next_id = next_id + 1 end
local n = 0
function init(args) n = id * math.floor(#sets / 4) end
function request()
  n = n + 1
  return wrk.format("POST", nil, sets[(n % #sets) + 1], body)
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"non2xx":%d,"errors":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e.status,
    e.connect + e.read + e.write + e.timeout))
end
`,
  );
  try {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        'wrk',
        [
          '-t',
          '2',
          '-c',
          String(options.connections ?? 10),
          '-d',
          `${options.durationSeconds ?? 5}s`,
          '--timeout',
          '10s',
          '-s',
          script,
          options.url,
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.once('error', reject);
      child.once('exit', (code) => {
        if (code === 0) resolve(text);
        else reject(new Error(`wrk exited with ${String(code)}: ${text}`));
      });
    });
    const line = output.split('\n').find((candidate) => candidate.startsWith('{"requests"'));
    if (!line) throw new Error(`wrk printed no summary: ${output}`);
    const summary = JSON.parse(line) as {
      requests: number;
      durationUs: number;
      p50Us: number;
      p99Us: number;
      non2xx: number;
      errors: number;
    };
    return {
      requestsPerSecond: summary.requests / (summary.durationUs / 1e6),
      requests: summary.requests,
      p50Ms: summary.p50Us / 1000,
      p99Ms: summary.p99Us / 1000,
      errors: summary.non2xx + summary.errors,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
