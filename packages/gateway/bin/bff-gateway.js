#!/usr/bin/env node
// Runs the compiled CLI (`npm run build` compiles packages/gateway/src to dist/), as `npm start` and
// the containers run the kit: no TypeScript loader at start-up, and no tsx wrapping every function
// the kit creates on the request path (docs/benchmarks.md).
import { existsSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(
    `bff-gateway: ${fileURLToPath(cli)} is missing; run \`npm run build\` first, then run bff-gateway again.\n`,
  );
  process.exit(1);
}
await import(cli.href);
