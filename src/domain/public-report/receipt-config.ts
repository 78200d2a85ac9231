// Receipt options of the node configuration (spread into ZConfigSchema in src/config.ts), each with
// its environment variable. By default a node's receipt code is derived from its node id; setting
// one is for the rare federation where two node ids derive the same code (see receipt.ts).
import { z } from 'zod';
import { NODE_CODE_PATTERN } from './receipt.js';

export const RECEIPT_CONFIG = {
  /**
   * The 4-character node code in this node's public report receipts (Crockford base 32: 0–9 and
   * A–Z without I, L, O, U). Absent: derived from nodeId. Changing it leaves earlier receipts valid.
   */
  receiptNodeCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(NODE_CODE_PATTERN, '4 characters of 0-9 and A-Z without I, L, O, U')
    .optional(),
};

export const RECEIPT_ENV = {
  CROSSLINE_RECEIPT_NODE_CODE: 'receiptNodeCode',
} as const satisfies Record<string, keyof typeof RECEIPT_CONFIG>;
