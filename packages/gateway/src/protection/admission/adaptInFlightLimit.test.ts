import { describe, expect, it } from 'vitest';
import { adaptInFlightLimit } from './adaptInFlightLimit.js';
import { createAdmissionController } from './createAdmissionController.js';

const maxWaitMs = { critical: 1_000, high: 1_000, normal: 1_000, low: 1_000 };
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('adaptInFlightLimit', () => {
  it('takes a quarter off the limit while the event loop is busier than the target, and adds one back while it is not', () => {
    const admission = createAdmissionController({ maxInFlight: 16, maxQueue: 10, maxWaitMs });
    const readings = [0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.5, 0.5, 0.5];
    const adaptive = adaptInFlightLimit(admission, { targetUtilization: 0.85, utilization: () => readings.shift()! });
    const limits: number[] = [];
    for (let tick = 0; tick < 13; tick += 1) {
      adaptive.tick();
      limits.push(admission.limit());
    }
    expect(limits).toEqual([12, 9, 6, 4, 3, 2, 1, 1, 1, 1, 2, 3, 4]);
    adaptive.stop();
  });

  it('never raises the limit past the configured maximum', () => {
    const admission = createAdmissionController({ maxInFlight: 2, maxQueue: 10, maxWaitMs });
    const adaptive = adaptInFlightLimit(admission, { targetUtilization: 0.85, utilization: () => 0.1 });
    adaptive.tick();
    adaptive.tick();
    expect(admission.limit()).toBe(2);
  });

  it('admits the waiting operations, critical first, when the limit comes back up', async () => {
    const admission = createAdmissionController({ maxInFlight: 3, maxQueue: 10, maxWaitMs });
    let busy = 0.99;
    const adaptive = adaptInFlightLimit(admission, { targetUtilization: 0.85, utilization: () => busy });
    adaptive.tick();
    adaptive.tick();
    expect(admission.limit()).toBe(1);
    const decided: string[] = [];
    const admit = (priority: 'critical' | 'low', name: string) =>
      admission.admit(priority).admitted.then(() => void decided.push(name));
    void admit('low', 'running');
    void admit('low', 'low');
    void admit('critical', 'critical');
    await settle();
    expect(decided).toEqual(['running']);
    busy = 0.2;
    adaptive.tick();
    await settle();
    expect(decided).toEqual(['running', 'critical']);
    expect(admission.stats().inFlight).toBe(2);
  });
});
