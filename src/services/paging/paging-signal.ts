// In-process wake-up of the paging worker when a transaction that wrote pages commits; other
// processes sharing the database find the rows at their next poll (about a second).
import { EventEmitter } from 'node:events';

const emitter = new EventEmitter();
emitter.setMaxListeners(0);

export function signalPaging(): void {
  emitter.emit('page');
}

/** Returns an unsubscribe function. */
export function onPaging(listener: () => void): () => void {
  emitter.on('page', listener);
  return () => emitter.off('page', listener);
}
