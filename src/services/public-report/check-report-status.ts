// Use case: the reporter checks their report's status with the receipt and the code given at
// submission. An unknown receipt and a wrong code give the same answer, so receipts cannot be probed.
import {
  PUBLIC_STATUS_TEXT,
  isWellFormedReceipt,
  normalizeReceipt,
  publicStatusOf,
  type PublicStatus,
} from '../../domain/public-report/index.js';
import type { Bilingual } from '../../error-types.js';
import { AppError } from '../../errors.js';
import { findReportForStatus } from '../../storage/repositories/public-report.repository.js';
import type { ServiceContext } from '../context.js';
import { hashStatusCode, statusCodeMatches } from './status-code.js';

export type PublicStatusView = {
  receipt: string;
  status: PublicStatus;
  message: Bilingual;
  submittedAt: string;
  updatedAt: string;
};

export async function checkReportStatus(
  ctx: ServiceContext,
  rawReceipt: string,
  code: string,
): Promise<PublicStatusView> {
  const receipt = normalizeReceipt(rawReceipt);
  const found = isWellFormedReceipt(receipt) ? await findReportForStatus(ctx.db, receipt) : null;
  // Compare against a throw-away hash when nothing was found, so both failures take the same work.
  const matches = statusCodeMatches(receipt, code, found?.codeHash ?? hashStatusCode('', ''));
  if (!found || !matches) throw new AppError('PUBLIC_REPORT_STATUS_NOT_FOUND');
  const status = publicStatusOf(found.record.status);
  return {
    receipt,
    status,
    message: PUBLIC_STATUS_TEXT[status],
    submittedAt: found.record.submittedAt,
    updatedAt: found.record.updatedAt,
  };
}
