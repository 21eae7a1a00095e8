import { childProcessesOf, startRedisServer } from '@bff/testing';
import { readFileSync } from 'node:fs';
import type { Target } from './spawnTarget.js';

/**
 * A redis-server of the bench's own (startRedisServer: a free port, no persistence) as a {@link Target}, so that the
 * bench stops it with its other targets when interrupted: a child left running would outlive the bench. Its pid is
 * read from /proc, since startRedisServer keeps it to itself. `ready.url` is its `redis://` URL.
 */
export async function startRedisTarget(): Promise<Target> {
  const before = new Set(childProcessesOf(process.pid));
  const redis = await startRedisServer();
  const pid = childProcessesOf(process.pid).find((child) => !before.has(child) && commandOf(child) === 'redis-server');
  if (pid === undefined) {
    await redis.stop();
    throw new Error(`redis-server started on ${redis.url}, but no child process of ${process.pid} is named so`);
  }
  return { ready: { url: redis.url }, pid, stop: () => redis.stop() };
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}
