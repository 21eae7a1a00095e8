import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createRandom } from './random.js';
import { readResponseDelay } from './readResponseDelay.js';
import { runService } from './runService.js';
import { useResponseDelay } from './useResponseDelay.js';

describe('createRandom misuse', () => {
  it('rejects misuse with messages naming the bad value', () => {
    expect(() => createRandom(1.5)).toThrow('createRandom: seed must be an integer, but got: 1.5');
    expect(() => createRandom(1).int(3, 1)).toThrow('int: min and max must be integers with min <= max, but got: 3, 1');
    expect(() => createRandom(1).pick([])).toThrow('pick: items must not be empty, but got: []');
  });
});

describe('runService misuse', () => {
  const created: string[] = [];
  const create = async () => {
    created.push('app');
    return Fastify();
  };

  it.each(['abc', '-1', '65536', '1e3', ' 80', '0x50'])('rejects PORT=%j before building the app', async (port) => {
    await expect(runService({ name: 'test', defaultPort: 4000, create, env: { PORT: port } })).rejects.toThrow(
      new RangeError(`PORT must be an integer from 0 to 65535, but got: '${port}'`),
    );
    expect(created).toEqual([]);
  });

  it.each([70000, -1, 1.5, Number.NaN])('rejects a defaultPort of %s before building the app', async (defaultPort) => {
    await expect(runService({ name: 'test', defaultPort, create, env: {} })).rejects.toThrow(
      new RangeError(`runService: defaultPort must be an integer from 0 to 65535, but got: ${defaultPort}`),
    );
    expect(created).toEqual([]);
  });

  it('rejects a bad <NAME>_RESPONSE_DELAY_MS before building the app', async () => {
    await expect(
      runService({ name: 'reviews', defaultPort: 0, create, env: { REVIEWS_RESPONSE_DELAY_MS: 'slow' } }),
    ).rejects.toThrow(
      new RangeError(
        `REVIEWS_RESPONSE_DELAY_MS must be an integer of milliseconds from 0 to 999999999, but got: 'slow'`,
      ),
    );
    expect(created).toEqual([]);
  });
});

describe('response delay misuse', () => {
  it.each(['-1', '1.5', '1e3', ' 200', '0x10', '1000000000'])('rejects REVIEWS_RESPONSE_DELAY_MS=%j', (raw) => {
    expect(() => readResponseDelay('reviews', { REVIEWS_RESPONSE_DELAY_MS: raw })).toThrow(
      new RangeError(
        `REVIEWS_RESPONSE_DELAY_MS must be an integer of milliseconds from 0 to 999999999, but got: '${raw}'`,
      ),
    );
  });

  it.each([-1, 1.5, Number.NaN])('rejects useResponseDelay(app, %s)', (delayMs) => {
    expect(() => useResponseDelay(Fastify(), delayMs)).toThrow(
      new RangeError(`useResponseDelay: delayMs must be an integer of 0 or more, but got: ${delayMs}`),
    );
  });
});
