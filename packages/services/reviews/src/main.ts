// Runs the reviews service on PORT (default 4202) and HOST (default 127.0.0.1) until a signal.
import { runService } from '@bff/service-kit';
import { createReviewsApp } from './server.js';

await runService({ name: 'reviews', defaultPort: 4202, create: createReviewsApp });
