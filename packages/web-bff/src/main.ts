import { serveUntilSignal } from '@bff/gateway';
import { createWebBff } from './server.js';

await serveUntilSignal(() => createWebBff());
