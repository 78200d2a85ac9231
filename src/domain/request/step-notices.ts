// What this node's officers are told when the other party takes a step on a request (or sends a
// new one): a bilingual title naming the reference and the party, and a body with the subject and
// what the party wrote (questions, reason, note). Steps that need an answer here are warnings.
import type { Bilingual } from '../../error-types.js';
import type { RequestAction, RequestRecord } from './types.js';

export type StepNotice = { kind: string; severity: 'info' | 'warning'; title: Bilingual; body: Bilingual };

/** What the party did, as a verb phrase after its name. */
const DID: Record<RequestAction | 'received' | 'approval_refused', Bilingual> = {
  received: { en: 'sent a new request', zh: '发来新的协助请求' },
  submit: { en: 'submitted the request', zh: '已提交该请求' },
  acknowledge: { en: 'acknowledged receipt', zh: '已确认收到' },
  accept: { en: 'accepted the request', zh: '已受理该请求' },
  request_information: { en: 'asks for more information', zh: '要求补充材料' },
  provide_information: { en: 'provided the information requested', zh: '已补充所要求的材料' },
  decline: { en: 'declined the request', zh: '已拒绝该请求' },
  request_approval: { en: 'asked its competent authority for approval', zh: '已报请其主管机关批准' },
  record_approval: { en: 'obtained approval and started work', zh: '已获批准并开始办理' },
  approval_refused: { en: 'was refused approval: the request is declined', zh: '未获批准，该请求已被拒绝' },
  start_work: { en: 'started work', zh: '已开始办理' },
  partially_fulfil: { en: 'sent a partial response', zh: '已作出部分答复' },
  fulfil: { en: 'fulfilled the request', zh: '已完成答复' },
  close: { en: 'closed the request', zh: '已关闭该请求' },
  withdraw: { en: 'withdrew the request', zh: '已撤回该请求' },
  renew_preservation: { en: 'renewed the preservation', zh: '已续展保全期限' },
  propose_clock_override: { en: 'proposes new deadlines', zh: '提议调整时限' },
  agree_clock_override: { en: 'agreed to the new deadlines', zh: '已同意调整时限' },
  reject_clock_override: { en: 'rejected the new deadlines', zh: '不同意调整时限' },
};

/** Steps after which this side must do something (answer, decide, reconsider). */
const NEEDS_US: readonly string[] = [
  'received',
  'request_information',
  'decline',
  'approval_refused',
  'withdraw',
  'propose_clock_override',
  'provide_information',
];

const FIELDS: { key: string; label: Bilingual }[] = [
  { key: 'questions', label: { en: 'Questions', zh: '问题' } },
  { key: 'information', label: { en: 'Information', zh: '补充材料' } },
  { key: 'reason', label: { en: 'Reason', zh: '理由' } },
  { key: 'note', label: { en: 'Note', zh: '备注' } },
];

/**
 * `params` is the step's command (free text as the other party wrote it); `party` the other
 * party's name in both languages; `evidenceCount` the items a (partial) fulfilment delivered.
 */
export function peerStepNotice(
  r: Pick<RequestRecord, 'reference' | 'subject'>,
  step: RequestAction | 'received',
  params: Record<string, unknown>,
  party: Bilingual,
): StepNotice {
  const what = step === 'record_approval' && params.decision === 'refused' ? 'approval_refused' : step;
  const did = DID[what];
  const lines = { en: [r.subject.en || r.subject.zh], zh: [r.subject.zh || r.subject.en] };
  for (const f of FIELDS) {
    const v = params[f.key];
    if (typeof v === 'string' && v.trim()) {
      lines.en.push(`${f.label.en}: ${v.trim()}`);
      lines.zh.push(`${f.label.zh}：${v.trim()}`);
    }
  }
  const evidence = Array.isArray(params.evidenceIds) ? params.evidenceIds.length : 0;
  if (evidence > 0) {
    lines.en.push(`${evidence} evidence item${evidence === 1 ? '' : 's'} delivered with it.`);
    lines.zh.push(`随附证据 ${evidence} 件。`);
  }
  return {
    kind: `request.peer.${what}`,
    severity: NEEDS_US.includes(what) ? 'warning' : 'info',
    title: { en: `${r.reference}: ${party.en} ${did.en}`, zh: `${r.reference}：${party.zh}${did.zh}` },
    body: { en: lines.en.join('\n'), zh: lines.zh.join('\n') },
  };
}
