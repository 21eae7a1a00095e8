import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  readonly devDependencies: Readonly<Record<string, string>>;
};

/**
 * The Hive Gateway packages this package runs, by name, at the exact versions package.json pins: for reports.
 * They are devDependencies: only the bench runs them, and a production install (the Dockerfile's) leaves them out.
 */
export const hivePeerVersions: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(Object.entries(manifest.devDependencies).filter(([name]) => name.startsWith('@graphql-'))),
);
