import { serveUntilSignal } from '@bff/gateway';
import { createMobileBff } from './server.js';

await serveUntilSignal(() => createMobileBff());
