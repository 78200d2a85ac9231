// Bilingual display labels for every request enumeration, shared by UI, reports and messages.
import type { Bilingual } from '../../error-types.js';
import type {
  AssetKind,
  Confidentiality,
  IdentifierKind,
  InterviewRole,
  RequestAction,
  RequestStatus,
  RequestType,
  TakedownContentKind,
  Urgency,
} from './types.js';

export const REQUEST_TYPE_LABELS: Record<RequestType, Bilingual> = {
  preservation: { en: 'Expedited preservation of stored data', zh: '已存储数据的快速保全' },
  expedited_disclosure: { en: 'Expedited disclosure of preserved traffic data', zh: '已保全流量数据的快速披露' },
  subscriber_info: { en: 'Subscriber information', zh: '用户注册信息' },
  traffic_data: { en: 'Traffic data', zh: '流量数据（通信记录）' },
  content_data: { en: 'Content data', zh: '内容数据' },
  emergency_disclosure: { en: 'Emergency disclosure (threat to life)', zh: '紧急披露（危及生命安全）' },
  takedown: { en: 'Takedown or blocking of illegal content', zh: '删除或屏蔽违法内容' },
  freeze_assets: { en: 'Freezing of funds or crypto assets', zh: '冻结资金或加密资产' },
  interview: { en: 'Witness or suspect interview', zh: '询问证人或讯问犯罪嫌疑人' },
  other: { en: 'Other assistance', zh: '其他协助' },
};

export const URGENCY_LABELS: Record<Urgency, Bilingual> = {
  routine: { en: 'Routine', zh: '常规' },
  urgent: { en: 'Urgent', zh: '加急' },
  emergency: { en: 'Emergency', zh: '紧急' },
};

export const CONFIDENTIALITY_LABELS: Record<Confidentiality, Bilingual> = {
  normal: { en: 'Normal', zh: '普通' },
  confidential: { en: 'Confidential', zh: '保密' },
  restricted: { en: 'Restricted (need-to-know)', zh: '限定知悉范围' },
};

export { CRIME_CATEGORY_LABELS } from '../shared/crime-categories.js';

export const IDENTIFIER_KIND_LABELS: Record<IdentifierKind, Bilingual> = {
  account: { en: 'Account', zh: '账号' },
  domain: { en: 'Domain', zh: '域名' },
  ip: { en: 'IP address', zh: 'IP 地址' },
  wallet: { en: 'Crypto wallet', zh: '加密货币钱包地址' },
  phone: { en: 'Phone number', zh: '电话号码' },
  email: { en: 'E-mail address', zh: '电子邮箱' },
  url: { en: 'URL', zh: '网址（URL）' },
  other: { en: 'Other', zh: '其他' },
};

export const TAKEDOWN_CONTENT_LABELS: Record<TakedownContentKind, Bilingual> = {
  csam: { en: 'Child sexual abuse material', zh: '儿童色情内容' },
  terrorist_content: { en: 'Terrorist content', zh: '恐怖主义内容' },
  fraud_site: { en: 'Fraudulent website', zh: '诈骗网站' },
  phishing: { en: 'Phishing site', zh: '钓鱼网站' },
  malware: { en: 'Malware distribution', zh: '恶意软件传播' },
  other: { en: 'Other illegal content', zh: '其他违法内容' },
};

export const ASSET_KIND_LABELS: Record<AssetKind, Bilingual> = {
  funds: { en: 'Funds (bank or payment account)', zh: '资金（银行或支付账户）' },
  crypto: { en: 'Crypto assets', zh: '加密资产' },
};

export const INTERVIEW_ROLE_LABELS: Record<InterviewRole, Bilingual> = {
  witness: { en: 'Witness', zh: '证人' },
  suspect: { en: 'Suspect', zh: '犯罪嫌疑人' },
};

export const REQUEST_STATUS_LABELS: Record<RequestStatus, Bilingual> = {
  draft: { en: 'Draft', zh: '草稿' },
  submitted: { en: 'Submitted', zh: '已提交' },
  acknowledged: { en: 'Acknowledged', zh: '已确认收到' },
  needs_information: { en: 'Needs information', zh: '待补充材料' },
  accepted: { en: 'Accepted', zh: '已受理' },
  declined: { en: 'Declined', zh: '已拒绝' },
  approval_pending: { en: 'Awaiting approval', zh: '待主管机关批准' },
  in_progress: { en: 'In progress', zh: '办理中' },
  partially_fulfilled: { en: 'Partially fulfilled', zh: '部分完成' },
  fulfilled: { en: 'Fulfilled', zh: '已完成' },
  closed: { en: 'Closed', zh: '已关闭' },
  withdrawn: { en: 'Withdrawn', zh: '已撤回' },
};

export const REQUEST_ACTION_LABELS: Record<RequestAction, Bilingual> = {
  submit: { en: 'Submit', zh: '提交' },
  acknowledge: { en: 'Acknowledge receipt', zh: '确认收到' },
  accept: { en: 'Accept', zh: '受理' },
  request_information: { en: 'Request information', zh: '要求补充材料' },
  provide_information: { en: 'Provide information', zh: '补充材料' },
  decline: { en: 'Decline', zh: '拒绝' },
  request_approval: { en: 'Request approval', zh: '报请批准' },
  record_approval: { en: 'Record approval decision', zh: '登记审批结果' },
  start_work: { en: 'Start work', zh: '开始办理' },
  partially_fulfil: { en: 'Deliver partial response', zh: '部分答复' },
  fulfil: { en: 'Mark fulfilled', zh: '完成答复' },
  close: { en: 'Close', zh: '关闭' },
  withdraw: { en: 'Withdraw', zh: '撤回' },
  renew_preservation: { en: 'Renew preservation', zh: '续展保全期限' },
  propose_clock_override: { en: 'Propose new deadlines', zh: '提议调整时限' },
  agree_clock_override: { en: 'Agree to new deadlines', zh: '同意调整时限' },
  reject_clock_override: { en: 'Reject new deadlines', zh: '不同意调整时限' },
};
