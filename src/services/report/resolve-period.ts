// Turns the period the caller asked for into an interval, or a 400 with bilingual issues.
import { parseReportPeriod, type PeriodInput, type ReportPeriod } from '../../domain/report/period.js';
import { AppError } from '../../errors.js';

export function resolvePeriod(input: PeriodInput): ReportPeriod {
  const result = parseReportPeriod(input);
  if (!result.ok) throw new AppError('REPORT_PERIOD_INVALID', { issues: result.issues });
  return result.period;
}
