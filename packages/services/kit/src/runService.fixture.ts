// A service whose main is runService, started as a process of its own by runService.test.ts:
// signals can only be tested on a real process.
import Fastify from 'fastify';
import { runService } from './runService.js';

await runService({
  name: 'fixture',
  defaultPort: 0,
  create: async ({ logger }) => Fastify({ logger }).get('/ping', async () => ({ pong: true })),
});
