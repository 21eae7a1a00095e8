import { describe, expect, it } from 'vitest';
import { drainWithin } from './drainWithin.js';

const recordingLogger = (warnings: string[]) => ({
  debug() {},
  info() {},
  warn: (message: string) => void warnings.push(message),
  error() {},
});

describe('drainWithin', () => {
  it('closes what is still open once the grace has run out, then waits for it', async () => {
    const warnings: string[] = [];
    let cutOff!: () => void;
    const drained = new Promise<void>((resolve) => (cutOff = resolve));
    await drainWithin(drained, 0, () => cutOff(), recordingLogger(warnings));
    expect(warnings).toEqual(['requests still in flight after the shutdown grace of 0 ms; closing their connections']);
  });

  it('cuts nothing off when everything finishes within the grace', async () => {
    const warnings: string[] = [];
    const cut: string[] = [];
    await drainWithin(Promise.resolve(), 60_000, () => void cut.push('cut'), recordingLogger(warnings));
    expect([warnings, cut]).toEqual([[], []]);
  });
});
