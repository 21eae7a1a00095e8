// Runs the orders service on PORT (default 4302) and HOST (default 127.0.0.1) until a signal.
import { runService } from '@bff/service-kit';
import { createOrdersApp } from './server.js';

await runService({ name: 'orders', defaultPort: 4302, create: createOrdersApp });
