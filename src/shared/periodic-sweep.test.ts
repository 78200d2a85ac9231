import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPeriodicSweep } from './periodic-sweep.js';

const logger = pino({ level: 'silent' });

describe('startPeriodicSweep', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sweeps at once and on every tick, never two at a time', async () => {
    vi.useFakeTimers();
    let active = 0;
    let maxActive = 0;
    let calls = 0;
    let release: () => void = () => undefined;
    const worker = startPeriodicSweep({
      name: 'test',
      everyMs: 100,
      logger,
      onError: () => -1,
      sweep: async () => {
        calls++;
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise<void>((r) => {
          release = r;
        });
        active--;
        return calls;
      },
    });
    expect(calls).toBe(1); // started at once
    await vi.advanceTimersByTimeAsync(350); // three ticks while the first sweep still runs: skipped
    expect(calls).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toBe(2);
    expect(maxActive).toBe(1);
    release();
    await worker.stop();
  });

  it('sweepNow waits for the sweep in progress, then runs a fresh one', async () => {
    const order: string[] = [];
    let n = 0;
    const worker = startPeriodicSweep({
      name: 'test',
      everyMs: 60_000,
      logger,
      onError: () => -1,
      sweep: async () => {
        const mine = ++n;
        order.push(`start ${mine}`);
        await new Promise((r) => setTimeout(r, 20));
        order.push(`end ${mine}`);
        return mine;
      },
    });
    expect(await worker.sweepNow()).toBe(2);
    expect(order).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
    await worker.stop();
  });

  it('logs a failed sweep, answers with the fallback and keeps going', async () => {
    const errors: unknown[] = [];
    const spyLogger = { error: (obj: unknown) => errors.push(obj) } as unknown as typeof logger;
    let fail = true;
    const worker = startPeriodicSweep({
      name: 'test',
      everyMs: 60_000,
      logger: spyLogger,
      onError: () => 'fallback',
      sweep: async () => {
        if (fail) throw new Error('boom');
        return 'ok';
      },
    });
    expect(await worker.sweepNow()).toBe('fallback');
    expect(errors.length).toBeGreaterThanOrEqual(1);
    fail = false;
    expect(await worker.sweepNow()).toBe('ok');
    await worker.stop();
  });

  it('stop waits for the sweep in progress and ends the ticks', async () => {
    vi.useFakeTimers();
    let calls = 0;
    let finished = false;
    const worker = startPeriodicSweep({
      name: 'test',
      everyMs: 100,
      logger,
      onError: () => undefined,
      sweep: async () => {
        calls++;
        await new Promise((r) => setTimeout(r, 50));
        finished = true;
      },
    });
    const stopping = worker.stop();
    await vi.advanceTimersByTimeAsync(50);
    await stopping;
    expect(finished).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(1);
  });
});
