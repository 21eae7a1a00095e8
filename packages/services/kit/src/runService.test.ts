import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./runService.fixture.ts', import.meta.url));

/** The message of a pino log line; other lines (a crash, a warning) as they are. */
function logMessage(line: string): string {
  try {
    return (JSON.parse(line) as { msg?: string }).msg ?? line;
  } catch {
    return line;
  }
}

/** Starts the fixture service, resolving with its URL once it logs that it is ready. */
async function startFixture(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const messages: string[] = [];
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const msg = logMessage(line);
      messages.push(msg);
      const ready = /^fixture service ready at (\S+)$/.exec(msg);
      if (ready) resolve(ready[1]!);
    });
    exited.then(
      ([code]) => reject(new Error(`fixture exited with ${String(code)} before it was ready: ${messages.join(' | ')}`)),
      reject,
    );
  });
  return { child, url, messages, exited };
}

describe('runService', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('serves on PORT and HOST, then closes and exits 0 on %s', async (signal) => {
    const service = await startFixture({ PORT: '0', HOST: '127.0.0.1' });
    expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${service.url}/ping`)).json()).toEqual({ pong: true });

    service.child.kill(signal);
    expect(await service.exited).toEqual([0, null]);
    expect(service.messages).toContain(`${signal} received, closing`);
  });

  it('listens on the default port and 127.0.0.1 when PORT and HOST are empty', async () => {
    // The fixture's default port is 0, so "default" shows as a port the OS chose.
    const service = await startFixture({ PORT: '', HOST: '' });
    expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    service.child.kill('SIGINT');
    expect(await service.exited).toEqual([0, null]);
  });

  it('waits <NAME>_RESPONSE_DELAY_MS before answering, and says so when it starts', async () => {
    const service = await startFixture({ PORT: '0', FIXTURE_RESPONSE_DELAY_MS: '300' });
    try {
      const started = performance.now();
      expect(await (await fetch(`${service.url}/ping`)).json()).toEqual({ pong: true });
      // A lower bound only: a busy machine may take any time longer.
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
      expect(service.messages).toContain('fixture responses delayed by 300 ms (FIXTURE_RESPONSE_DELAY_MS)');
    } finally {
      service.child.kill('SIGTERM');
      await service.exited;
    }
  });
});
