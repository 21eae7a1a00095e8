import { fileURLToPath } from 'node:url';

/** The mobile app's operations, one or more per `.graphql` file: the source of the manifest. */
export const mobileOperationsDir = fileURLToPath(new URL('../operations', import.meta.url));

/** The committed persisted query manifest built from them (`npm run manifest`). */
export const mobileManifestFile = fileURLToPath(new URL('../persisted-query-manifest.json', import.meta.url));
