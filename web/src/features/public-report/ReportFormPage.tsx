// The report form for victims: plain words, one column, inline messages in the chosen language.
// Screenshots are checked here as on the server, then sent one by one ahead of the form (each its
// own request of at most 5 MB), which names them by the upload tokens the node answered with.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { answer, api, http } from '../../api/client';
import type {
  PaymentMethod,
  ReportCategory,
  ReportSubmission,
  StagedAttachment,
  SubmissionReceipt,
} from '../../api/public-report-types';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { PAYMENT_METHODS, REPORT_CATEGORIES } from '../../../../src/domain/public-report/types';
import { ReceiptPanel } from './ReceiptPanel';
import { MAX_FILES, MAX_MB, checkFiles, type FileProblem } from './read-files';

const CURRENCIES = ['CNY', 'HKD', 'MOP', 'TWD', 'USD', 'EUR', 'GBP', 'SGD', 'THB', 'MYR', 'USDT'];
const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);

type Form = {
  category: ReportCategory;
  narrative: string;
  occurredAt: string;
  amountLost: string;
  currency: string;
  method: PaymentMethod | '';
  account: string;
  wallet: string;
  platform: string;
  transactionId: string;
  phones: string;
  urls: string;
  handles: string;
  emails: string;
  name: string;
  phone: string;
  email: string;
  consent: boolean;
  fax: string;
};
const EMPTY: Form = {
  category: 'fraud',
  narrative: '',
  occurredAt: '',
  amountLost: '',
  currency: '',
  method: '',
  account: '',
  wallet: '',
  platform: '',
  transactionId: '',
  phones: '',
  urls: '',
  handles: '',
  emails: '',
  name: '',
  phone: '',
  email: '',
  consent: false,
  fax: '',
};

function toSubmission(f: Form, language: 'en' | 'zh', attachments: ReportSubmission['attachments']): ReportSubmission {
  const typed = f.amountLost.trim();
  const number = Number(typed.replace(/,/g, ''));
  // Words ("five thousand") go as typed, so the server's message asks for a number; NaN would
  // travel as null and read as a blank field.
  const amount = typed === '' ? undefined : Number.isFinite(number) ? number : (typed as unknown as number);
  const hasReporter = f.name.trim() || f.phone.trim() || f.email.trim();
  return {
    category: f.category,
    narrative: f.narrative,
    language,
    attachments,
    occurredAt: f.occurredAt || undefined,
    amountLost: amount,
    currency: f.currency || undefined,
    payments: f.method
      ? [
          {
            method: f.method,
            account: f.account || undefined,
            wallet: f.wallet || undefined,
            platform: f.platform || undefined,
            transactionId: f.transactionId || undefined,
          },
        ]
      : [],
    suspect: { phones: lines(f.phones), urls: lines(f.urls), handles: lines(f.handles), emails: lines(f.emails) },
    reporter: hasReporter
      ? { name: f.name || undefined, phone: f.phone || undefined, email: f.email || undefined, consent: f.consent }
      : undefined,
    fax: f.fax || undefined,
  };
}

/**
 * The browser draws a date field in its own language (mm/dd/yyyy on an English phone), whatever the
 * page's; under the field the chosen day is written out in the page's language.
 */
function chosenDate(
  value: string,
  language: string,
  t: (key: 'layout.dateChosen', v: { date: string }) => string,
): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const text = date.toLocaleDateString(language === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
  return t('layout.dateChosen', { date: text });
}

export function ReportFormPage() {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState<Form>(EMPTY);
  const [files, setFiles] = useState<File[]>([]);
  const [fileProblems, setFileProblems] = useState<FileProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<SubmissionReceipt | null>(null);
  const fieldError = useFieldErrors(error);
  // Issues on list items (suspect.phones.0) belong to the one text box holding the list.
  const errorFor = (path: string) =>
    fieldError(path) ?? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => fieldError(`${path}.${i}`)).find(Boolean);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  useEffect(() => {
    document.title = `${t('publicReport.title')} · Crossline`;
  }, [t]);
  useEffect(() => {
    void checkFiles(files).then(setFileProblems);
  }, [files]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (fileProblems.length) return;
    setBusy(true);
    setError(null);
    try {
      const attachments: ReportSubmission['attachments'] = [];
      for (const f of files) {
        const staged = await api.upload<StagedAttachment>('/public/reports/attachments', f, { filename: f.name });
        attachments.push({ uploadToken: staged.uploadToken });
      }
      const language = i18n.language === 'zh-CN' ? 'zh' : 'en';
      setDone(await answer(http.POST('/api/public/reports', { body: toSubmission(form, language, attachments) })));
      window.scrollTo(0, 0);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (done)
    return (
      <ReceiptPanel
        receipt={done}
        onNew={() => {
          setDone(null);
          setForm(EMPTY);
          setFiles([]);
        }}
      />
    );

  const problemText = (p: FileProblem) =>
    p.kind === 'tooMany'
      ? t('publicReport.fileTooMany', { max: MAX_FILES })
      : p.kind === 'tooLarge'
        ? t('publicReport.fileTooLarge', { name: p.name, mb: MAX_MB })
        : t('publicReport.fileWrongType', { name: p.name });
  const method = form.method;

  return (
    <>
      <div className="stack">
        <h1>{t('publicReport.title')}</h1>
        <p>{t('publicReport.intro')}</p>
        <p className="muted">{t('publicReport.privacy')}</p>
        <p>
          <Link to="/report/status">{t('publicReport.checkStatusLink')}</Link>
        </p>
      </div>
      <form
        className="public-form stack"
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-label={t('publicReport.title')}
      >
        <fieldset>
          <legend>{t('publicReport.sectionWhat')}</legend>
          <SelectField
            label={t('publicReport.category')}
            path="category"
            required
            value={form.category}
            onChange={(e) => set('category', e.target.value as ReportCategory)}
            options={REPORT_CATEGORIES.map((c) => ({ value: c, label: t(`publicReport.category_${c}`) }))}
          />
          <TextArea
            label={t('publicReport.narrative')}
            path="narrative"
            required
            rows={7}
            hint={t('publicReport.narrativeHint')}
            error={fieldError('narrative')}
            value={form.narrative}
            onChange={(e) => set('narrative', e.target.value)}
          />
          <TextField
            label={t('publicReport.occurredAt')}
            path="occurredAt"
            type="date"
            error={fieldError('occurredAt')}
            value={form.occurredAt}
            onChange={(e) => set('occurredAt', e.target.value)}
            hint={chosenDate(form.occurredAt, i18n.language, t)}
          />
        </fieldset>

        <fieldset>
          <legend>{t('publicReport.sectionMoney')}</legend>
          <div className="public-grid">
            <TextField
              label={t('publicReport.amountLost')}
              path="amountLost"
              inputMode="decimal"
              error={fieldError('amountLost')}
              value={form.amountLost}
              onChange={(e) => set('amountLost', e.target.value)}
            />
            <SelectField
              label={t('publicReport.currency')}
              path="currency"
              error={fieldError('currency')}
              value={form.currency}
              placeholder={t('publicReport.currencyPlaceholder')}
              onChange={(e) => set('currency', e.target.value)}
              options={CURRENCIES.map((c) => ({ value: c, label: c }))}
            />
          </div>
          <SelectField
            label={t('publicReport.paymentMethod')}
            path="payments.0.method"
            value={method}
            placeholder={t('publicReport.paymentNone')}
            onChange={(e) => set('method', e.target.value as PaymentMethod | '')}
            options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`publicReport.payment_${m}`) }))}
          />
          {method && (
            <div className="public-grid">
              {method === 'wallet' ? (
                <TextField
                  label={t('publicReport.wallet')}
                  path="payments.0.wallet"
                  error={fieldError('payments.0.wallet')}
                  value={form.wallet}
                  onChange={(e) => set('wallet', e.target.value)}
                />
              ) : (
                <TextField
                  label={t('publicReport.account')}
                  path="payments.0.account"
                  error={fieldError('payments.0.account')}
                  value={form.account}
                  onChange={(e) => set('account', e.target.value)}
                />
              )}
              <TextField
                label={t('publicReport.platform')}
                path="payments.0.platform"
                value={form.platform}
                onChange={(e) => set('platform', e.target.value)}
              />
              <TextField
                label={t('publicReport.transactionId')}
                path="payments.0.transactionId"
                value={form.transactionId}
                onChange={(e) => set('transactionId', e.target.value)}
              />
            </div>
          )}
        </fieldset>

        <fieldset>
          <legend>{t('publicReport.sectionContacts')}</legend>
          <p className="muted">{t('publicReport.contactsHint')}</p>
          <div className="public-grid">
            <TextArea
              label={t('publicReport.phones')}
              path="suspect.phones"
              rows={2}
              error={errorFor('suspect.phones')}
              value={form.phones}
              onChange={(e) => set('phones', e.target.value)}
            />
            <TextArea
              label={t('publicReport.urls')}
              path="suspect.urls"
              rows={2}
              error={errorFor('suspect.urls')}
              value={form.urls}
              onChange={(e) => set('urls', e.target.value)}
            />
            <TextArea
              label={t('publicReport.handles')}
              path="suspect.handles"
              rows={2}
              error={errorFor('suspect.handles')}
              value={form.handles}
              onChange={(e) => set('handles', e.target.value)}
            />
            <TextArea
              label={t('publicReport.emails')}
              path="suspect.emails"
              rows={2}
              error={errorFor('suspect.emails')}
              value={form.emails}
              onChange={(e) => set('emails', e.target.value)}
            />
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('publicReport.sectionFiles')}</legend>
          <TextField
            label={t('publicReport.files')}
            path="attachments"
            type="file"
            multiple
            accept="image/png,image/jpeg,image/webp,application/pdf"
            hint={t('publicReport.filesHint', { max: MAX_FILES, mb: MAX_MB })}
            error={fileProblems.length ? fileProblems.map(problemText).join(' ') : fieldError('attachments')}
            onChange={(e) => {
              // Copied before the input is cleared (clearing empties the live FileList), so the same file can be re-added.
              const picked = Array.from(e.target.files ?? []);
              setFiles((prev) => [...prev, ...picked]);
              e.target.value = '';
            }}
          />
          {files.length > 0 && (
            <ul className="file-list">
              {files.map((f, i) => (
                <li key={`${f.name}-${i}`}>
                  <span>
                    {f.name} ({Math.ceil(f.size / 1024)} KB)
                  </span>
                  <button
                    type="button"
                    className="btn ghost sm"
                    aria-label={t('publicReport.fileRemove', { name: f.name })}
                    onClick={() => setFiles((prev) => prev.filter((_, j) => j !== i))}
                  >
                    ✕
                  </button>
                </li>
              ))}
            </ul>
          )}
        </fieldset>

        <fieldset>
          <legend>{t('publicReport.sectionYou')}</legend>
          <p className="muted">{t('publicReport.youHint')}</p>
          <div className="public-grid">
            <TextField
              label={t('publicReport.reporterName')}
              path="reporter.name"
              autoComplete="name"
              value={form.name}
              onChange={(e) => set('name', e.target.value)}
            />
            <TextField
              label={t('publicReport.reporterPhone')}
              path="reporter.phone"
              type="tel"
              autoComplete="tel"
              error={fieldError('reporter.phone')}
              value={form.phone}
              onChange={(e) => set('phone', e.target.value)}
            />
            <TextField
              label={t('publicReport.reporterEmail')}
              path="reporter.email"
              type="email"
              autoComplete="email"
              error={fieldError('reporter.email')}
              value={form.email}
              onChange={(e) => set('email', e.target.value)}
            />
          </div>
          <div className="check-row">
            <input
              id="f-reporter-consent"
              type="checkbox"
              checked={form.consent}
              onChange={(e) => set('consent', e.target.checked)}
              aria-invalid={fieldError('reporter.consent') ? true : undefined}
              aria-describedby={fieldError('reporter.consent') ? 'f-reporter-consent-error' : undefined}
            />
            <label htmlFor="f-reporter-consent">{t('publicReport.consent')}</label>
          </div>
          {fieldError('reporter.consent') && (
            <span className="error" id="f-reporter-consent-error">
              {fieldError('reporter.consent')}
            </span>
          )}
        </fieldset>

        {/* Honeypot: off-screen and out of the tab order and the accessibility tree; only bots fill it. */}
        <div className="hp-field" aria-hidden="true">
          <label htmlFor="f-fax">{t('publicReport.honeypot')}</label>
          <input
            id="f-fax"
            name="fax"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={form.fax}
            onChange={(e) => set('fax', e.target.value)}
          />
        </div>

        <ErrorSummary error={error} />
        <button type="submit" className="btn primary" disabled={busy || fileProblems.length > 0}>
          {busy ? t('publicReport.submitting') : t('publicReport.submit')}
        </button>
      </form>
    </>
  );
}
