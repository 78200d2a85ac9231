// Error codes of the federation crypto core (signatures, envelopes, receipts, node cards, the key
// ring): part of the node-wide catalogue (domain/error-catalogues.ts), thrown as AppError through
// src/federation/crypto/errors.ts. Peers see these codes in receipts (docs/federation.md §9).
import type { ErrorCatalogue } from '../../error-types.js';

export const FEDERATION_ERRORS = {
  FED_MALFORMED: {
    status: 400,
    message: { en: 'The federation message is malformed.', zh: '联邦消息格式错误。' },
  },
  FED_BAD_SIGNATURE: {
    status: 401,
    message: { en: 'The federation message signature is invalid.', zh: '联邦消息签名无效。' },
  },
  FED_UNKNOWN_SENDER: {
    status: 403,
    message: { en: 'The sending node is not a known, active peer.', zh: '发送节点不是已知的有效对等节点。' },
  },
  FED_UNKNOWN_KEY: {
    status: 401,
    message: {
      en: 'The key named by the message is not known for this node.',
      zh: '消息所指的密钥不属于该节点的已知密钥。',
    },
  },
  FED_KEY_RETIRED: {
    status: 401,
    message: {
      en: 'The message was created after its signing key was retired.',
      zh: '该消息创建于其签名密钥停用之后。',
    },
  },
  FED_SENDER_MISMATCH: {
    status: 403,
    message: { en: 'The message sender differs from the batch sender.', zh: '消息发送方与批次发送方不一致。' },
  },
  FED_EXPIRED: {
    status: 422,
    message: { en: 'The federation message has expired.', zh: '联邦消息已过期。' },
  },
  FED_NOT_YET_VALID: {
    status: 422,
    message: {
      en: 'The federation message is dated in the future beyond the allowed clock skew.',
      zh: '联邦消息的创建时间超出允许的时钟偏差，处于未来。',
    },
  },
  FED_MISADDRESSED: {
    status: 421,
    message: { en: 'The federation message is addressed to another node.', zh: '联邦消息的收件节点不是本节点。' },
  },
  FED_TAMPERED: {
    status: 400,
    message: { en: 'The encrypted batch was altered or cannot be decrypted.', zh: '加密批次已被篡改或无法解密。' },
  },
  FED_RECEIPT_MISMATCH: {
    status: 422,
    message: {
      en: 'The receipt does not match the batch that was sent.',
      zh: '回执与已发送的批次不一致。',
    },
  },
  FED_CARD_INVALID: {
    status: 422,
    message: { en: 'The node card is invalid or has been altered.', zh: '节点名片无效或已被篡改。' },
  },
  FED_KEYRING_UNREADABLE: {
    status: 500,
    message: {
      en: 'The node key ring cannot be opened (wrong master key or damaged file).',
      zh: '无法打开节点密钥环（主密钥错误或文件损坏）。',
    },
  },
} as const satisfies ErrorCatalogue;
