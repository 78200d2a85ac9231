// Resolves on the first SIGTERM or SIGINT, so commands can shut down in order.
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const done = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', done);
      process.off('SIGINT', done);
      resolve(signal);
    };
    process.on('SIGTERM', done);
    process.on('SIGINT', done);
  });
}
