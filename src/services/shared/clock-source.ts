// What a record area gives the deadline worker (src/workers/deadline-worker.ts): which records are
// due and how to fire one. Declared here, with the services that implement it, so services never
// import the worker that drives them (docs/architecture.md, "Layers").
import type { ServiceContext } from '../context.js';

export type ClockSource = {
  subjectType: string;
  /** Ids of records whose next stored check time is at or before `now`. */
  due(ctx: ServiceContext, now: Date, limit: number): Promise<string[]>;
  /** Fires what is due for one record in one transaction; returns the events fired. */
  fire(ctx: ServiceContext, id: string, now: Date): Promise<string[]>;
};
