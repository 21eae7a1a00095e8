import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';

/** A real redis-server this test started, on 127.0.0.1 and a free port, with no persistence. */
export interface RunningRedis extends AsyncDisposable {
  /** `redis://127.0.0.1:<port>`, for REDIS_URL. */
  readonly url: string;
  readonly port: number;
  /** Stops the server (SIGTERM to its own PID) and waits until it has exited. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty; resolves once it accepts connections. */
  restart(): Promise<void>;
  /** Stops it if it runs; safe to call more than once. */
  close(): Promise<void>;
}

const notInstalled =
  'redis-server is not on PATH. The rate limit tests need a real Redis: install it ' +
  '(Debian: apt-get install -y redis-server; .ci/run does this on CI).';

/**
 * Starts `redis-server` from PATH on a free port of 127.0.0.1 (`--save '' --appendonly no`), and
 * resolves once it accepts connections. Fails, never skips, when redis-server is missing.
 */
export async function startRedisServer(): Promise<RunningRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined = await spawnRedis(port);
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = once(running, 'exit');
    running.kill('SIGTERM');
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    async restart() {
      await stop();
      child = await spawnRedis(port);
    },
    close: stop,
    [Symbol.asyncDispose]: stop,
  };
}

async function spawnRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmpdir()],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        child.stdout.off('data', onData);
        child.off('exit', onExit);
        child.stdout.resume();
        resolve();
      }
    };
    const onExit = (code: number | null) =>
      reject(new Error(`redis-server exited with ${String(code)} before it was ready:\n${output}`));
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    child.once('exit', onExit);
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error(notInstalled) : error),
    );
  });
  return child;
}

/** A port nothing listens on right now (the OS picks it; redis-server takes it a moment later). */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string')
    throw new Error(`freePort: expected a TCP address, but got: ${String(address)}`);
  return address.port;
}
