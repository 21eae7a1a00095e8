import { buildPersistedQueryManifest, printPersistedQueryManifest } from '@bff/gateway';
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { mobileManifestFile, mobileOperationsDir } from './trustedDocuments.js';

// `npm run manifest` writes the mobile app's persisted query manifest from its operations;
// `npm run manifest -- --check` exits 1 when the committed one is stale.
const printed = printPersistedQueryManifest(buildPersistedQueryManifest(mobileOperationsDir));
const where = relative(process.cwd(), mobileManifestFile);
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(mobileManifestFile, 'utf8');
  } catch {
    // Missing: stale.
  }
  if (committed !== printed) {
    console.error(`${where} is stale: run npm run manifest and commit it.`);
    process.exit(1);
  }
  console.log(`${where} is current.`);
} else {
  writeFileSync(mobileManifestFile, printed);
  const { operations } = JSON.parse(printed) as { operations: unknown[] };
  console.log(`wrote ${where} (${operations.length} operations)`);
}
