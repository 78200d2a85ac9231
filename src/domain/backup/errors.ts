// Error codes owned by node backup and restore (merged into the node-wide catalogue in src/domain/error-catalogues.ts).
import type { ErrorCatalogue } from '../../error-types.js';

export const BACKUP_ERRORS = {
  BACKUP_CORRUPT: {
    status: 422,
    message: {
      en: 'The backup file is damaged or was altered; nothing was restored.',
      zh: '备份文件已损坏或被篡改，未恢复任何内容。',
    },
  },
  BACKUP_UNSUPPORTED: {
    status: 400,
    message: {
      en: 'This is not a Crossline backup this version can restore.',
      zh: '该文件不是本版本可恢复的 Crossline 备份。',
    },
  },
  RESTORE_TARGET_NOT_EMPTY: {
    status: 409,
    message: {
      en: 'The restore target already holds a node; restore only into an empty data directory and an empty database schema.',
      zh: '恢复目标中已有节点数据，只能恢复到空的数据目录和空的数据库模式中。',
    },
  },
} as const satisfies ErrorCatalogue;
