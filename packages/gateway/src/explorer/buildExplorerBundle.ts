import { build } from 'esbuild';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';

/** One file of the explorer's bundle, ready to serve. */
export interface ExplorerAsset {
  readonly body: Buffer;
  /** The same body gzip-compressed, for clients that accept it (the main script shrinks from ~5 MB to ~1.4 MB). */
  readonly gzipped: Buffer;
  readonly contentType: string;
  /** A strong validator of the body. */
  readonly etag: string;
}

/**
 * The explorer's browser code, bundled: each file by its name (explorer.js, explorer.css, the workers, the icon
 * font).
 */
export interface ExplorerBundle {
  /** Hash of everything the bundle is built from; the name of its cache folder. */
  readonly key: string;
  readonly assets: ReadonlyMap<string, ExplorerAsset>;
  /** Whether this call ran esbuild (false: read from the cache). */
  readonly built: boolean;
}

/** Where the bundle is cached and what to do when it cannot be. */
export interface ExplorerBundleOptions {
  /** One folder per bundle key. @default node_modules/.cache/bff-explorer beside the installed graphiql */
  readonly cacheDir?: string;
  /**
   * Told when the cache cannot be written (a read-only install): the bundle is still served, from memory.
   * @default ignored
   */
  readonly onCacheError?: (error: Error) => void;
}

const require = createRequire(import.meta.url);
const browserDir = fileURLToPath(new URL('./browser/', import.meta.url));
// Monaco and monaco-graphql come with @graphiql/react, which pins the Monaco it works with.
const requireFromGraphiQL = createRequire(require.resolve('@graphiql/react/package.json'));

/** The packages whose versions change the bundle. */
const bundledPackages = ['esbuild', 'graphiql', '@graphiql/react', 'react', 'react-dom', 'graphql'] as const;
const requireVersion = (name: string, from = require) => (from(`${name}/package.json`) as { version: string }).version;

const contentTypes: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
};
const contentTypeOf = (file: string) => contentTypes[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';

/** Where bundles are cached unless told otherwise: node_modules/.cache/bff-explorer. */
export const defaultExplorerCacheDir = join(
  dirname(dirname(require.resolve('graphiql/package.json'))),
  '.cache',
  'bff-explorer',
);

/**
 * The explorer's bundle: GraphiQL, React and Monaco with the page's own code (./browser) and
 * Monaco's workers, bundled by esbuild (minified, production React), nothing left to fetch from
 * elsewhere. Built once per key (sources, build settings, package versions) and cached on disk,
 * so later starts and other processes read it in milliseconds; `npm run build:explorer`
 * builds it ahead (Docker images). A build takes a few seconds.
 */
export async function buildExplorerBundle(options: ExplorerBundleOptions = {}): Promise<ExplorerBundle> {
  const cacheDir = options.cacheDir ?? defaultExplorerCacheDir;
  const key = await bundleKey();
  const cached = await readCached(join(cacheDir, key));
  if (cached) return { key, assets: await toAssets(cached), built: false };
  const files = await bundle();
  await writeCache(cacheDir, key, files).catch((error: unknown) => options.onCacheError?.(error as Error));
  return { key, assets: await toAssets(files), built: true };
}

/** Hash of the browser sources, this file (the build settings) and the bundled packages' versions. */
async function bundleKey(): Promise<string> {
  const hash = createHash('sha256');
  for (const name of (await readdir(browserDir)).sort())
    hash.update(name).update(await readFile(join(browserDir, name)));
  hash.update(await readFile(fileURLToPath(import.meta.url)));
  for (const name of bundledPackages) hash.update(`${name}@${requireVersion(name)}`);
  hash.update(`monaco-editor@${requireVersion('monaco-editor', requireFromGraphiQL)}`);
  return hash.digest('hex').slice(0, 16);
}

async function bundle(): Promise<Map<string, Buffer>> {
  const result = await build({
    entryPoints: {
      explorer: join(browserDir, 'main.tsx'),
      'editor.worker': requireFromGraphiQL.resolve('monaco-editor/esm/vs/editor/editor.worker.js'),
      'json.worker': requireFromGraphiQL.resolve('monaco-editor/esm/vs/language/json/json.worker.js'),
      'graphql.worker': requireFromGraphiQL.resolve('monaco-graphql/esm/graphql.worker.js'),
    },
    // Settings here, not from tsconfig files: the build needs nothing but the sources and node_modules.
    tsconfigRaw: {},
    jsx: 'automatic',
    bundle: true,
    write: false,
    outdir: '/explorer-assets',
    format: 'iife',
    target: 'es2022',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    // Monaco's icon font, referenced by its CSS; served beside the bundle.
    loader: { '.ttf': 'file' },
    assetNames: '[name]-[hash]',
    logLevel: 'silent',
  });
  return new Map(result.outputFiles.map((file) => [basename(file.path), Buffer.from(file.contents)]));
}

/** The files of a complete cache folder, or undefined when there is none. */
async function readCached(dir: string): Promise<Map<string, Buffer> | undefined> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return undefined;
  }
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name))] as const)));
}

/**
 * Writes the files to a private folder, then renames it into place: a reader sees a complete
 * bundle or none, and when two processes build at once the first rename wins. Older bundles go.
 */
async function writeCache(cacheDir: string, key: string, files: ReadonlyMap<string, Buffer>): Promise<void> {
  const partial = join(cacheDir, `.${key}-${randomUUID()}`);
  await mkdir(partial, { recursive: true });
  try {
    for (const [name, body] of files) await writeFile(join(partial, name), body);
    await rename(partial, join(cacheDir, key)).catch(() => undefined);
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  for (const entry of await readdir(cacheDir)) {
    if (entry !== key && !entry.startsWith('.')) await rm(join(cacheDir, entry), { recursive: true, force: true });
  }
}

const gzipAsync = promisify(gzip);

async function toAssets(files: ReadonlyMap<string, Buffer>): Promise<Map<string, ExplorerAsset>> {
  const assets = await Promise.all(
    [...files].map(async ([name, body]) => {
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      return [name, { body, gzipped: await gzipAsync(body), contentType: contentTypeOf(name), etag }] as const;
    }),
  );
  return new Map(assets);
}
