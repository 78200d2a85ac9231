// Error codes owned by the report area (merged into the node-wide catalogue in src/domain/error-catalogues.ts).
import type { ErrorCatalogue } from '../../error-types.js';

export const REPORT_ERRORS = {
  REPORT_PERIOD_INVALID: {
    status: 400,
    message: {
      en: 'The report period is not valid: use 2026-Q3, 2026-11, 2026, or from/to dates (YYYY-MM-DD, from before to).',
      zh: '报表期间无效：请使用 2026-Q3、2026-11、2026，或起止日期（YYYY-MM-DD，起始日期早于结束日期）。',
    },
  },
  REPORT_FORMAT_INVALID: {
    status: 400,
    message: { en: 'Unknown report format: use json, csv or pdf.', zh: '未知的报表格式：请使用 json、csv 或 pdf。' },
  },
  REPORT_FONT_MISSING: {
    status: 422,
    message: {
      en: 'No Chinese font is installed for PDF reports: install the Debian package fonts-wqy-zenhei (or set CROSSLINE_REPORT_FONT to a CJK .ttf/.ttc/.otf file).',
      zh: '未安装可用于 PDF 报表的中文字体：请安装 Debian 软件包 fonts-wqy-zenhei（或将 CROSSLINE_REPORT_FONT 设置为中日韩字体文件 .ttf/.ttc/.otf）。',
    },
  },
} as const satisfies ErrorCatalogue;
