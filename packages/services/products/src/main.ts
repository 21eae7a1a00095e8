// Runs the products service on PORT (default 4201) and HOST (default 127.0.0.1) until a signal.
import { runService } from '@bff/service-kit';
import { createProductsApp } from './server.js';

await runService({ name: 'products', defaultPort: 4201, create: createProductsApp });
