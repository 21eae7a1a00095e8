import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const source = fileURLToPath(new URL('.', import.meta.url));

/** Every relative import of the kit's source files, as [importing file, imported file], both relative to src/. */
function relativeImports(): [string, string][] {
  const files = readdirSync(source, { recursive: true, encoding: 'utf8' }).filter(
    (name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.includes(`explorer${path.sep}browser`),
  );
  return files.flatMap((file) =>
    [...readFileSync(path.join(source, file), 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)].map(
      (match): [string, string] => [file, path.join(path.dirname(file), match[1]!).replace(/\.js$/, '.ts')],
    ),
  );
}

const folderOf = (file: string) => file.split(path.sep)[0]!;

describe('the layers of the kit', () => {
  it('keeps the core at the bottom: core/ and errors/ import nothing above them', () => {
    const bottom = ['core', 'errors'];
    const runningUp = relativeImports().filter(
      ([from, to]) => bottom.includes(folderOf(from)) && !bottom.includes(folderOf(to)),
    );
    expect(runningUp).toEqual([]);
  });

  it('keeps the fast path behind its boundary: outside fastPath/, only fastPath/index.ts is imported', () => {
    const reachingIn = relativeImports().filter(
      ([from, to]) =>
        folderOf(from) !== 'fastPath' && folderOf(to) === 'fastPath' && to !== path.join('fastPath', 'index.ts'),
    );
    expect(reachingIn).toEqual([]);
  });
});
