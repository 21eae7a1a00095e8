// Runs the accounts service on PORT (default 4301) and HOST (default 127.0.0.1) until a signal.
import { runService } from '@bff/service-kit';
import { createAccountsApp } from './server.js';

await runService({ name: 'accounts', defaultPort: 4301, create: createAccountsApp });
