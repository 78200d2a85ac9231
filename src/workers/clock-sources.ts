// Every area whose records carry deadlines registers its clock source here (one line each).
import { requestClockSource } from '../services/request/request-clock-source.js';
import { requestDueSoonClockSource } from '../services/request/request-due-soon-clock.js';
import { CALL_CLOCK } from '../services/call/call-clock.js';
import { ACTION_ITEM_CLOCK } from '../services/dialogue/action-item-clock.js';
import type { ClockSource } from './deadline-worker.js';

export const CLOCK_SOURCES: ClockSource[] = [
  requestClockSource,
  requestDueSoonClockSource,
  CALL_CLOCK,
  ACTION_ITEM_CLOCK,
];
