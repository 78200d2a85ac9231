// Error codes of the federation transport and peer management (the crypto core's FED_* codes live in
// crypto-errors.ts); merged into the node-wide catalogue in domain/error-catalogues.ts.
import type { ErrorCatalogue } from '../../error-types.js';

export const FEDERATION_TRANSPORT_ERRORS = {
  FED_PEER_NOT_FOUND: {
    status: 404,
    message: { en: 'No such peer node.', zh: '没有该对等节点。' },
  },
  FED_PEER_EXISTS: {
    status: 409,
    message: {
      en: 'This node is already a peer; suspend or remove it first.',
      zh: '该节点已是对等节点，请先暂停或移除。',
    },
  },
  FED_PEER_SUSPENDED: {
    status: 409,
    message: {
      en: 'The peer is suspended: nothing can be sent to it.',
      zh: '该对等节点已暂停，无法向其发送任何内容。',
    },
  },
  FED_PEER_IS_SELF: {
    status: 422,
    message: { en: 'A node cannot be its own peer.', zh: '节点不能将自身添加为对等节点。' },
  },
  FED_FINGERPRINT_MISMATCH: {
    status: 422,
    message: {
      en: 'The card fingerprint differs from the one confirmed out of band: do not trust this card.',
      zh: '名片指纹与线下确认的指纹不一致：请勿信任此名片。',
    },
  },
  // One answer for every failure (refused, timeout, redirect, HTTP error, not JSON): the reason would
  // let an admin map the node's network through the preview (src/federation/card-fetch.ts).
  FED_CARD_FETCH_FAILED: {
    status: 422,
    message: {
      en: 'No node card could be fetched from this address. Check the URL, or import the card as a file.',
      zh: '无法从该地址获取节点名片。请检查网址，或以文件方式导入名片。',
    },
  },
  FED_CARD_UPDATE_REFUSED: {
    status: 422,
    message: {
      en: 'The new card is not an endorsed update of the trusted one; confirm its fingerprint again.',
      zh: '新名片不是经受信密钥背书的更新，请重新确认其指纹。',
    },
  },
  FED_REPLAYED: {
    status: 409,
    message: {
      en: 'The message reuses a sequence number already consumed by another message (replay).',
      zh: '该消息重复使用了已被其他消息占用的序号（重放）。',
    },
  },
  FED_REORDER_WINDOW: {
    status: 422,
    message: {
      en: 'The message is too far ahead of the next expected one; it will be accepted after the gap closes.',
      zh: '该消息超前于预期序号过多，待缺口补齐后方可接收。',
    },
  },
  FED_UNSUPPORTED_TYPE: {
    status: 422,
    message: { en: 'This node does not handle this message type.', zh: '本节点不处理此类消息。' },
  },
  FED_CHECKPOINT_CONFLICT: {
    status: 409,
    message: {
      en: "The audit checkpoint contradicts one countersigned earlier: the sender's history was rewritten.",
      zh: '审计检查点与此前会签的检查点矛盾：发送方的历史记录已被改写。',
    },
  },
  FED_INVALID_BODY: {
    status: 422,
    message: {
      en: 'The message body does not match the schema of its type and version; it was not applied.',
      zh: '消息正文不符合其类型和版本的格式要求，未予处理。',
    },
  },
  FED_HANDLER_FAILED: {
    status: 422,
    message: {
      en: 'The receiving node could not apply this message (an error that a retry would repeat); it was set aside for its administrator.',
      zh: '接收节点无法处理该消息（重试也会出现同样的错误），已将其转交管理员处理。',
    },
  },
  FED_RATE_LIMITED: {
    status: 429,
    message: {
      en: 'Too many refused batches came from this address; try again later.',
      zh: '来自该地址的被拒批次过多，请稍后再试。',
    },
  },
  FED_DEAD_LETTER_NOT_FOUND: {
    status: 404,
    message: { en: 'No such dead letter.', zh: '没有该死信。' },
  },
  FED_DEAD_LETTER_DISCARDED: {
    status: 409,
    message: { en: 'This dead letter was already discarded.', zh: '该死信已被丢弃。' },
  },
  FED_UNAVAILABLE: {
    status: 503,
    message: {
      en: 'The batch could not be processed now; send it again later.',
      zh: '暂时无法处理该批次，请稍后重发。',
    },
  },
} as const satisfies ErrorCatalogue;
