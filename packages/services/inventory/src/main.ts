// Runs the inventory service on PORT (default 4303) and HOST (default 127.0.0.1) until a signal.
import { runService } from '@bff/service-kit';
import { createInventoryApp } from './server.js';

await runService({ name: 'inventory', defaultPort: 4303, create: createInventoryApp });
