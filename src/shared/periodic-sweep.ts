// The loop every sweeping worker shares: run `sweep` now and then every `everyMs`, never two at
// once (a tick while one runs is skipped), a failure logged and answered with `onError`'s value
// so the next tick tries again. Work and its state live in the database, not here.
import type { Logger } from 'pino';

export type PeriodicSweep<T> = {
  /** Runs a sweep now (after the one in progress, if any) and resolves with its result. */
  sweepNow(): Promise<T>;
  /** Stops the timer and waits for the sweep in progress. */
  stop(): Promise<void>;
};

export function startPeriodicSweep<T>(options: {
  name: string;
  everyMs: number;
  logger: Logger;
  sweep: () => Promise<T>;
  onError: () => T;
}): PeriodicSweep<T> {
  let running: Promise<T> | null = null;
  let stopped = false;
  const sweep = (): Promise<T> => {
    running ??= options
      .sweep()
      .catch((err: unknown) => {
        options.logger.error({ err }, `${options.name} sweep failed`);
        return options.onError();
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) void sweep();
  }, options.everyMs);
  timer.unref();
  void sweep();
  return {
    sweepNow: async () => {
      await running;
      return sweep();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
