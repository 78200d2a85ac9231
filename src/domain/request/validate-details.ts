// Per-type required fields of a request (preservation, takedown, freezing, interview, emergency, ...).
import type { ValidationIssue } from '../../error-types.js';
import { issue } from '../shared/bilingual.js';
import { checkIdentifierValue } from './identifiers.js';
import { ASSET_KINDS, INTERVIEW_ROLES, TAKEDOWN_CONTENT_KINDS, type RequestContent } from './types.js';

const blank = (s: string | null | undefined): boolean => s == null || s.trim() === '';
const AMOUNT_RE = /^\d{1,15}(\.\d{1,18})?$/;
const FIAT_RE = /^[A-Z]{3}$/;
const CRYPTO_RE = /^[A-Z0-9]{2,10}$/;

export function validateDetails(c: RequestContent, submit: boolean): ValidationIssue[] {
  const d = c.details;
  const out: ValidationIssue[] = [];
  const need = (value: string | undefined, path: string, en: string, zh: string): void => {
    if (submit && blank(value)) out.push(issue(path, 'required', en, zh));
  };

  switch (c.type) {
    case 'preservation':
      need(
        d.preservation?.dataToPreserve,
        'details.preservation.dataToPreserve',
        'Describe the data to preserve.',
        '请说明需保全的数据。',
      );
      need(
        d.preservation?.provider,
        'details.preservation.provider',
        'Name the service provider holding the data.',
        '请填写持有数据的服务提供者。',
      );
      break;
    case 'expedited_disclosure':
      need(
        d.expeditedDisclosure?.preservationReference,
        'details.expeditedDisclosure.preservationReference',
        'Give the reference of the preservation request under which the traffic data was preserved.',
        '请填写保全该流量数据的保全请求编号。',
      );
      break;
    case 'emergency_disclosure':
      need(
        d.emergency?.threatDescription,
        'details.emergency.threatDescription',
        'Describe the threat to life or of serious injury and why it is imminent.',
        '请说明危及生命或可能造成严重伤害的威胁及其紧迫性。',
      );
      break;
    case 'takedown':
      out.push(...validateTakedown(c, submit));
      break;
    case 'freeze_assets':
      out.push(...validateFreeze(c, submit));
      break;
    case 'interview':
      need(
        d.interview?.personName,
        'details.interview.personName',
        'Name the person to be interviewed.',
        '请填写被询问（讯问）人姓名。',
      );
      if (d.interview?.role !== undefined && !INTERVIEW_ROLES.includes(d.interview.role)) {
        out.push(
          issue(
            'details.interview.role',
            'invalid',
            'The role must be witness or suspect.',
            '身份必须为证人或犯罪嫌疑人。',
          ),
        );
      } else if (submit && d.interview?.role === undefined) {
        out.push(
          issue(
            'details.interview.role',
            'required',
            'Say whether the person is a witness or a suspect.',
            '请说明此人是证人还是犯罪嫌疑人。',
          ),
        );
      }
      break;
    default:
      break;
  }
  return out;
}

function validateTakedown(c: RequestContent, submit: boolean): ValidationIssue[] {
  const t = c.details.takedown;
  const out: ValidationIssue[] = [];
  const urls = t?.urls ?? [];
  if (submit && urls.length === 0) {
    out.push(
      issue(
        'details.takedown.urls',
        'required',
        'List at least one URL to take down or block.',
        '请至少列出一个需删除或屏蔽的网址。',
      ),
    );
  }
  urls.forEach((u, i) => {
    const problem = checkIdentifierValue('url', u);
    if (problem) out.push(issue(`details.takedown.urls[${i}]`, 'invalid_format', problem.en, problem.zh));
  });
  if (t?.contentKind !== undefined && !TAKEDOWN_CONTENT_KINDS.includes(t.contentKind)) {
    out.push(issue('details.takedown.contentKind', 'invalid', 'Unknown content kind.', '未知的内容类型。'));
  } else if (submit && t?.contentKind === undefined) {
    out.push(issue('details.takedown.contentKind', 'required', 'Say what kind of content it is.', '请说明内容类型。'));
  }
  return out;
}

function validateFreeze(c: RequestContent, submit: boolean): ValidationIssue[] {
  const f = c.details.freeze;
  const out: ValidationIssue[] = [];
  const p = 'details.freeze';
  if (f?.assetKind !== undefined && !ASSET_KINDS.includes(f.assetKind)) {
    out.push(
      issue(`${p}.assetKind`, 'invalid', 'The asset must be funds or crypto assets.', '资产类型必须为资金或加密资产。'),
    );
  } else if (submit && f?.assetKind === undefined) {
    out.push(
      issue(
        `${p}.assetKind`,
        'required',
        'Say whether funds or crypto assets are to be frozen.',
        '请说明需冻结的是资金还是加密资产。',
      ),
    );
  }
  if (submit && blank(f?.account)) {
    out.push(
      issue(`${p}.account`, 'required', 'Enter the account number or wallet address.', '请填写账号或钱包地址。'),
    );
  } else if (f?.assetKind === 'crypto' && f.account && checkIdentifierValue('wallet', f.account)) {
    out.push(issue(`${p}.account`, 'invalid_format', 'This wallet address is not valid.', '钱包地址格式不正确。'));
  }
  if (submit && blank(f?.institution)) {
    out.push(
      issue(
        `${p}.institution`,
        'required',
        'Name the bank, payment service or exchange.',
        '请填写银行、支付机构或交易平台名称。',
      ),
    );
  }
  if (blank(f?.amount)) {
    if (submit) out.push(issue(`${p}.amount`, 'required', 'Enter the amount to freeze.', '请填写需冻结的金额。'));
  } else if (!AMOUNT_RE.test(f?.amount ?? '') || Number(f?.amount) <= 0) {
    out.push(
      issue(
        `${p}.amount`,
        'invalid_format',
        'Enter a positive amount such as 15000.50.',
        '请填写正数金额，例如 15000.50。',
      ),
    );
  }
  if (blank(f?.currency)) {
    if (submit) out.push(issue(`${p}.currency`, 'required', 'Enter the currency.', '请填写币种。'));
  } else {
    const fiat = f?.assetKind !== 'crypto';
    if (!(fiat ? FIAT_RE : CRYPTO_RE).test(f?.currency ?? '')) {
      out.push(
        fiat
          ? issue(
              `${p}.currency`,
              'invalid_format',
              'Use a three-letter ISO 4217 code such as CNY or USD.',
              '请使用三位 ISO 4217 币种代码，例如 CNY 或 USD。',
            )
          : issue(
              `${p}.currency`,
              'invalid_format',
              'Use the asset ticker such as BTC or USDT.',
              '请使用资产代码，例如 BTC 或 USDT。',
            ),
      );
    }
  }
  return out;
}
