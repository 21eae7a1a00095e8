import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createRandom } from './random.js';
import { runService } from './runService.js';

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
});
