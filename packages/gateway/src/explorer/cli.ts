import { buildExplorerBundle, defaultExplorerCacheDir } from './buildExplorerBundle.js';

/**
 * `npm run build:explorer`: builds the explorer's bundle into its cache ahead of time (a Docker
 * image, CI), so no BFF runs esbuild on its first explorer request. Does nothing when the
 * cached bundle is current. Exits 1 when the bundle cannot be built or written.
 */
const started = Date.now();
try {
  const bundle = await buildExplorerBundle({
    onCacheError: (error) => {
      console.error(`could not write the explorer bundle to ${defaultExplorerCacheDir}: ${error.message}`);
      process.exitCode = 1;
    },
  });
  const kilobytes = Math.round([...bundle.assets.values()].reduce((sum, asset) => sum + asset.body.length, 0) / 1024);
  console.log(
    `explorer bundle ${bundle.key} ${bundle.built ? 'built' : 'already built'} in ${Date.now() - started} ms: ` +
      `${bundle.assets.size} files, ${kilobytes} KiB, in ${defaultExplorerCacheDir}`,
  );
} catch (error) {
  console.error(`could not build the explorer bundle: ${(error as Error).message}`);
  process.exitCode = 1;
}
