// Error codes owned by the node's store: the embedded PostgreSQL server it runs and data dirs of
// older releases (merged into the node-wide catalogue in src/domain/error-catalogues.ts).
import type { ErrorCatalogue } from '../../error-types.js';

export const STORE_ERRORS = {
  STORE_PGLITE_DATA_DIR: {
    status: 409,
    message: {
      en: 'This data directory holds a database of an older Crossline release (PGlite), which this release no longer opens. Move it: with the older release run `crossline backup --data-dir DIR --out node.clbk`, then with this release `crossline restore node.clbk --data-dir NEW` and copy keys/master.key into NEW/keys/ (see docs/operations.md, "Moving from PGlite").',
      zh: '该数据目录中是旧版 Crossline 的数据库（PGlite），本版本不再打开它。迁移方法：用旧版本运行 `crossline backup --data-dir 目录 --out node.clbk`，再用本版本运行 `crossline restore node.clbk --data-dir 新目录`，并把 keys/master.key 复制到 新目录/keys/（见 docs/operations.md“从 PGlite 迁移”）。',
    },
  },
  STORE_EMBEDDED_FAILED: {
    status: 503,
    message: {
      en: 'The embedded PostgreSQL server of this node could not be started or reached.',
      zh: '无法启动或连接本节点的嵌入式 PostgreSQL 服务器。',
    },
  },
} as const satisfies ErrorCatalogue;
