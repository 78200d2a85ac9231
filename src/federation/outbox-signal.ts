// In-process wake-up of the delivery worker when a transaction that enqueued messages commits;
// other processes sharing a PostgreSQL database find the rows at their next poll instead.
import { EventEmitter } from 'node:events';

const emitters = new WeakMap<object, EventEmitter>();

function emitterFor(store: object): EventEmitter {
  let e = emitters.get(store);
  if (!e) {
    e = new EventEmitter();
    e.setMaxListeners(0);
    emitters.set(store, e);
  }
  return e;
}

export function signalOutbox(store: object, peerId: string): void {
  emitterFor(store).emit('outbox', peerId);
}

/** Returns an unsubscribe function. */
export function onOutbox(store: object, listener: (peerId: string) => void): () => void {
  const e = emitterFor(store);
  e.on('outbox', listener);
  return () => e.off('outbox', listener);
}
