import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * vitest's global setup: `npm run build` once before any test file runs, so the tests that start
 * a BFF as `npm start` and the containers do (compiled, from dist/) find it built, and none
 * rebuilds it under another's feet.
 */
export default async function compileBeforeTests(): Promise<void> {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'packages/deploy/src/compileCli.ts'], { cwd: root });
}
