import { startServices, startTestBff, type RunningServices, type TestBff } from '@bff/testing';
import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

/** The backlog of the socket listening on `url`'s port, as the kernel reports it (ss: Send-Q of a listener). */
function listenBacklogOf(url: string): number {
  const port = new URL(url).port;
  const line = execFileSync('ss', ['--listening', '--tcp', '--numeric', '--no-header', `sport = :${port}`], {
    encoding: 'utf8',
  }).trim();
  return Number(line.split(/\s+/)[2]);
}

describe('web BFF listen backlog', () => {
  let services: RunningServices;
  const started: TestBff[] = [];
  beforeAll(async () => {
    services = await startServices();
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((bff) => bff.stop()));
  });
  afterAll(async () => {
    await services?.close();
  });

  it("listens with Node's backlog of 511 by default, and with <P>LISTEN_BACKLOG when set", async () => {
    started.push(await startTestBff('web', services));
    expect(listenBacklogOf(started[0]!.url)).toBe(511);
    started.push(await startTestBff('web', services, { WEB_BFF_LISTEN_BACKLOG: '2048' }));
    expect(listenBacklogOf(started[1]!.url)).toBe(2048);
  });
});
