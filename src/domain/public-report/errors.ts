// Error codes owned by the public-report area (merged into the node-wide catalogue in src/domain/error-catalogues.ts).
import type { ErrorCatalogue } from '../../error-types.js';

export const PUBLIC_REPORT_ERRORS = {
  PUBLIC_REPORT_INVALID: {
    status: 422,
    message: { en: 'Some answers in the report need correcting.', zh: '举报中有部分内容需要修改。' },
  },
  PUBLIC_REPORT_ATTACHMENT_TYPE: {
    status: 415,
    message: {
      en: 'Only PNG, JPEG or WebP images and PDF files can be attached.',
      zh: '只能上传 PNG、JPEG、WebP 图片或 PDF 文件。',
    },
  },
  PUBLIC_REPORT_ATTACHMENT_TOO_LARGE: {
    status: 413,
    message: { en: 'Each file may be at most 5 MB.', zh: '每个文件不能超过 5 MB。' },
  },
  PUBLIC_REPORT_TOO_LARGE: {
    status: 413,
    message: { en: 'The report with its files is too large.', zh: '举报内容及附件总量过大。' },
  },
  PUBLIC_REPORT_UPLOAD_UNKNOWN: {
    status: 422,
    message: {
      en: 'A file sent with the report was not found (files are kept for an hour until the report is sent). Please attach it again.',
      zh: '未找到随举报发送的文件（文件在举报提交前保留一小时）。请重新添加该文件。',
    },
  },
  PUBLIC_REPORT_RATE_LIMITED: {
    status: 429,
    message: {
      en: 'Too many attempts from your connection. Please wait a little and try again.',
      zh: '您的网络连接尝试次数过多，请稍后再试。',
    },
  },
  PUBLIC_REPORT_STATUS_NOT_FOUND: {
    status: 404,
    message: {
      en: 'No report matches this receipt number and code. Check both and try again.',
      zh: '没有与该回执编号和查询码相符的举报，请核对后重试。',
    },
  },
  PUBLIC_REPORT_NOT_FOUND: { status: 404, message: { en: 'Report not found.', zh: '未找到该举报。' } },
  PUBLIC_REPORT_TRANSITION_INVALID: {
    status: 409,
    message: {
      en: 'The report cannot move to that status from its current one.',
      zh: '该举报当前状态下不能变更为所选状态。',
    },
  },
  PUBLIC_REPORT_MERGE_INVALID: {
    status: 409,
    message: { en: 'These reports cannot be merged.', zh: '这些举报无法合并。' },
  },
  PUBLIC_REPORT_ATTACHMENT_NOT_FOUND: { status: 404, message: { en: 'Attachment not found.', zh: '未找到该附件。' } },
  PUBLIC_REPORT_ATTACHMENT_INTEGRITY: {
    status: 422,
    message: { en: 'The stored attachment failed its integrity check.', zh: '存储的附件未通过完整性校验。' },
  },
} as const satisfies ErrorCatalogue;
