import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { ConfigError } from '../errors/ConfigError.js';
import { composeSupergraph, formatCompositionProblems } from './composeSupergraph.js';
import { readSupergraphConfig } from './readSupergraphConfig.js';

/**
 * `npm run compose [-- --check] [files…]`: composes each supergraph/<bff>.yaml into
 * supergraph/<bff>.graphql. With --check, writes nothing and fails when a committed file is stale.
 * Exits 1 on any composition error, printing subgraph, code and hint.
 */
const args = process.argv.slice(2);
const check = args.includes('--check');
const supergraphDir = resolve(import.meta.dirname, '../../../../supergraph');
const files = args.filter((arg) => !arg.startsWith('--'));
const configs =
  files.length > 0
    ? files.map((file) => resolve(file))
    : readdirSync(supergraphDir)
        .filter((name) => name.endsWith('.yaml'))
        .map((name) => join(supergraphDir, name));

let failed = false;
for (const file of configs) {
  const output = file.replace(/\.ya?ml$/, '.graphql');
  try {
    const outcome = composeSupergraph(readSupergraphConfig(file));
    if (!outcome.ok) {
      console.error(formatCompositionProblems(file, outcome.problems));
      failed = true;
      continue;
    }
    if (check) {
      const current = safeRead(output);
      if (current !== outcome.supergraphSdl) {
        console.error(`${basename(output)} is stale: run npm run compose and commit the result.`);
        failed = true;
      } else console.log(`${basename(output)} is current`);
    } else {
      writeFileSync(output, outcome.supergraphSdl);
      console.log(`composed ${basename(file)} -> ${basename(output)} (${outcome.hints.length} hint(s))`);
    }
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;

function safeRead(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
