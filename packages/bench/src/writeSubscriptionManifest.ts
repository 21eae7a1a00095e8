import { sha256Hex, type PersistedQueryManifest } from '@bff/gateway';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { watchOrderStatusDocument } from './createSubscribers.js';

/**
 * Writes a trusted-documents manifest holding the bench's subscription into `directory` and returns its path. The
 * mobile app's own manifest has no subscription yet, and a production BFF enforces its manifest: given this one
 * (`MOBILE_BFF_TRUSTED_DOCUMENTS_MANIFEST`), the BFF checks the subscription as it would the app's operations.
 */
export function writeSubscriptionManifest(directory: string): string {
  const manifest: PersistedQueryManifest = {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: [
      {
        id: sha256Hex(watchOrderStatusDocument),
        body: watchOrderStatusDocument,
        name: 'WatchOrderStatus',
        type: 'subscription',
      },
    ],
  };
  const file = join(directory, 'subscription-manifest.json');
  writeFileSync(file, JSON.stringify(manifest, null, 2));
  return file;
}
