// Public API of the federation crypto core: keys, node cards, signed messages, sealed batches, receipts.
export {
  FEDERATION_ERRORS,
  isFederationError,
  fedError,
  type FederationError,
  type FederationErrorCode,
} from './errors.js';
export {
  base32,
  fingerprintOf,
  kidOf,
  formatFingerprint,
  normaliseFingerprint,
  fingerprintsEqual,
  type SigJwk,
  type EncJwk,
} from './key-id.js';
export {
  generateKeyVersion,
  createKeyRing,
  currentKeys,
  findKeyVersion,
  rotateKeys,
  serializeKeyRing,
  deserializeKeyRing,
  loadOrCreateKeyRing,
  saveKeyRing,
  type KeyPair,
  type KeyVersion,
  type KeyRing,
} from './node-keys.js';
export { ZNodeCard, ZNodeId, type NodeCard } from './node-card-schema.js';
export {
  buildNodeCard,
  verifyNodeCard,
  verifyCardUpdate,
  type NodeCardInput,
  type CardCheck,
  type CardUpdateCheck,
} from './node-card.js';
export {
  cardSigKeys,
  resolverFromCards,
  type PeerSigKey,
  type SigKeyLookup,
  type SigKeyResolver,
} from './peer-keys.js';
export { newFederationId, UUID_V7 } from './ids.js';
export { fastSign, fastVerify, parseJws, verifyParsedJws, type JwsHeader, type ParsedJws } from './fast-jws.js';
export {
  MESSAGE_TYP,
  ZMessageHeader,
  signMessage,
  signMessageAsync,
  verifyMessage,
  verifyMessageAsync,
  isSignedRefusal,
  readUnverifiedHeader,
  type MessageHeader,
  type MessagePayload,
  type MessageFields,
  type SignedMessage,
  type VerifyExpectations,
  type VerifiedMessage,
} from './envelope.js';
export {
  BATCH_TYP,
  sealBatch,
  openBatch,
  type BatchHeader,
  type BatchRecipient,
  type OpenBatchExpectations,
  type OpenedBatch,
} from './envelope-batch.js';
export {
  RECEIPT_TYP,
  ZReceipt,
  signReceipt,
  verifyReceipt,
  type Receipt,
  type ReceiptResult,
  type ReceiptExpectations,
} from './receipt.js';
