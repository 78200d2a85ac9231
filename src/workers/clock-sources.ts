// Every area whose records carry deadlines registers its clock source here (one line each).
import type { ClockSource } from './deadline-worker.js';

export const CLOCK_SOURCES: ClockSource[] = [];
