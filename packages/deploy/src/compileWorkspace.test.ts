import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspacePackages } from './compileWorkspace.js';
import { repositoryRoot } from './deployables.js';

const filesUnder = (dir: string) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();

// What vitest's global setup built (npm run build): read, not rebuilt, as other tests run it.
describe('npm run build', () => {
  it('compiles every module of every package, leaves tests out, and copies what is not TypeScript', () => {
    const packages = workspacePackages(repositoryRoot);
    expect(packages).toContain('packages/gateway');
    expect(packages).toContain('packages/services/products');
    for (const dir of packages) {
      const sources = filesUnder(join(repositoryRoot, dir, 'src'));
      const expected = sources
        .filter((file) => !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
        .map((file) => file.replace(/\.ts$/, '.js'))
        .sort();
      expect({ dir, files: filesUnder(join(repositoryRoot, dir, 'dist')) }).toEqual({ dir, files: expected });
    }
  });
});
