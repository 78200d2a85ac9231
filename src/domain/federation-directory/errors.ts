// Error codes of the signed membership directory (docs/federation.md §18); merged into the node-wide
// catalogue in domain/error-catalogues.ts.
import type { ErrorCatalogue } from '../../error-types.js';

export const FEDERATION_DIRECTORY_ERRORS = {
  FED_DIRECTORY_INVALID: {
    status: 422,
    message: { en: 'The membership directory is not well-formed.', zh: '成员名录格式不正确。' },
  },
  FED_DIRECTORY_NOT_ENOUGH_SIGNATURES: {
    status: 422,
    message: {
      en: 'The membership directory is not signed by enough founders whose keys this node trusts.',
      zh: '成员名录缺少足够多本节点信任其密钥的创始成员签名。',
    },
  },
  FED_DIRECTORY_ROLLBACK: {
    status: 409,
    message: {
      en: 'This directory version is older than (or differs from) the one this node already holds.',
      zh: '该名录版本早于（或不同于）本节点已持有的版本。',
    },
  },
  FED_DIRECTORY_CHAIN_BROKEN: {
    status: 422,
    message: {
      en: 'This directory version does not follow the version this node holds (its previous hash differs).',
      zh: '该名录版本未承接本节点持有的版本（前一版本哈希不符）。',
    },
  },
  FED_DIRECTORY_OTHER_FEDERATION: {
    status: 409,
    message: {
      en: 'This directory belongs to another federation than the one this node follows.',
      zh: '该名录属于另一个联盟，而非本节点所在的联盟。',
    },
  },
  FED_DIRECTORY_NOT_FOUNDER: {
    status: 403,
    message: {
      en: 'This node is not a founder of this directory (or its key differs from the one listed), so it cannot sign it.',
      zh: '本节点不是该名录的创始成员（或其密钥与所列不符），无法签署。',
    },
  },
  FED_DIRECTORY_NOT_PUBLISHER: {
    status: 403,
    message: {
      en: 'Only a founder or the secretariat may publish the directory.',
      zh: '只有创始成员或秘书处可以发布名录。',
    },
  },
  FED_DIRECTORY_NONE: {
    status: 404,
    message: { en: 'This node holds no membership directory yet.', zh: '本节点尚未持有成员名录。' },
  },
  FED_DIRECTORY_FETCH_FAILED: {
    status: 422,
    message: {
      en: 'No membership directory could be fetched from this address.',
      zh: '无法从该地址获取成员名录。',
    },
  },
} as const satisfies ErrorCatalogue;
