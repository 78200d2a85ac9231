// Every area whose records carry deadlines registers its clock source here (one line each).
import { requestClockSource } from '../services/request/request-clock-source.js';
import type { ClockSource } from './deadline-worker.js';

export const CLOCK_SOURCES: ClockSource[] = [
  requestClockSource,
];
