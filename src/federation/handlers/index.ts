// The inbound message types the transport itself handles, and the workflows' types; each registers
// its body schema per version with its handler (src/federation/inbound-handlers.ts).
import { registerCheckpointHandlers } from './checkpoint-handlers.js';
import { registerControlHandlers } from './control-handlers.js';
import { registerDirectoryHandler } from './directory-handler.js';
import { registerPingHandler } from './ping-handler.js';
import { registerCallHandlers } from './call-handlers.js';
import { registerCaseHandlers } from './case-handlers.js';
import { registerKnowledgeHandlers } from './knowledge-handlers.js';
import { registerExerciseHandlers } from './exercise-handlers.js';
import { registerRequestHandlers } from './request-handlers.js';

export function registerTransportHandlers(): void {
  registerPingHandler();
  registerControlHandlers();
  registerCheckpointHandlers();
  registerDirectoryHandler();
}

/** The workflows carried over the wire (docs/spec.md §1, §2.3, §3, §4.4). */
export function registerWorkflowHandlers(): void {
  registerRequestHandlers();
  registerCallHandlers();
  registerCaseHandlers();
  registerKnowledgeHandlers();
  registerExerciseHandlers();
}

/**
 * Every inbound message type this node understands, registered where the node is composed
 * (src/node.ts; tests: test/support/test-context.ts). Idempotent: registering the same handler
 * again is a no-op.
 */
export function registerInboundHandlers(): void {
  registerTransportHandlers();
  registerWorkflowHandlers();
}
