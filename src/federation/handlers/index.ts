// The inbound message types the transport itself handles; workflow areas register theirs the same way.
import { registerInboundHandler } from '../inbound-handlers.js';
import { applyCheckpoint, applyCountersign, CHECKPOINT_TYPE, COUNTERSIGN_TYPE } from './checkpoint-handlers.js';
import { applyResend, applyResult, RESEND_TYPE, RESULT_TYPE } from './control-handlers.js';
import { applyPing, applyPings, PING_TYPE } from './ping-handler.js';
import { CALL_HANDLERS } from './call-handlers.js';
import { CASE_HANDLERS } from './case-handlers.js';
import { KNOWLEDGE_HANDLERS } from './knowledge-handlers.js';
import { EXERCISE_HANDLERS } from './exercise-handlers.js';
import { REQUEST_HANDLERS } from './request-handlers.js';

export function registerTransportHandlers(): void {
  registerInboundHandler(PING_TYPE, applyPing, { many: applyPings });
  registerInboundHandler(RESEND_TYPE, applyResend);
  registerInboundHandler(RESULT_TYPE, applyResult);
  registerInboundHandler(CHECKPOINT_TYPE, applyCheckpoint);
  registerInboundHandler(COUNTERSIGN_TYPE, applyCountersign);
}

/** The workflows carried over the wire (SPEC §1, §2.3, §3, §4.4). */
export function registerWorkflowHandlers(): void {
  for (const [type, handler] of [...REQUEST_HANDLERS, ...CALL_HANDLERS, ...CASE_HANDLERS, ...KNOWLEDGE_HANDLERS, ...EXERCISE_HANDLERS]) registerInboundHandler(type, handler);
}
