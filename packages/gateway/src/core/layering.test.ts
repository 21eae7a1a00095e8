import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const source = fileURLToPath(new URL('..', import.meta.url));
/** The bottom of the kit: these folders import only each other (and packages), never the stages above them. */
const bottom = ['core', 'errors'];

/** Every relative import of the bottom folders' files that leaves the bottom, as `file -> target`. */
function importsRunningUp(): string[] {
  return bottom.flatMap((folder) =>
    readdirSync(path.join(source, folder))
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .flatMap((name) => {
        const file = path.join(source, folder, name);
        const specifiers = [...readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)].map(
          (match) => match[1]!,
        );
        return specifiers
          .map((specifier) => path.relative(source, path.resolve(path.dirname(file), specifier)))
          .filter((target) => !bottom.includes(target.split(path.sep)[0]!))
          .map((target) => `${folder}/${name} -> ${target}`);
      }),
  );
}

describe('the kit core', () => {
  it('imports nothing above it: the context, request id, error replies, env keys and Redis are leaves', () => {
    expect(importsRunningUp()).toEqual([]);
  });
});
