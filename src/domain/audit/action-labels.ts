// What each audit entry means, in words, in both languages: the log stores machine actions
// (`call.call.acknowledged`, `request.clock.ack_overdue`); people read "Hotline call: acknowledged".
// Whole-action labels for the node's own events (sign-in, federation, accounts); every other action
// is "<record type>: <what happened>", from the subject type and the action's last part. The
// catalogue check (action-labels.test.ts) fails when the code writes an action this cannot name.
import type { Bilingual } from '../../error-types.js';

/** The kinds of record an audit entry is about. */
export const AUDIT_SUBJECT_LABELS: Readonly<Record<string, Bilingual>> = {
  request: { en: 'Request', zh: '协助请求' },
  call: { en: 'Hotline call', zh: '热线呼叫' },
  case: { en: 'Case', zh: '案件' },
  user: { en: 'User account', zh: '用户账户' },
  api_token: { en: 'API token', zh: 'API 令牌' },
  node: { en: 'This node', zh: '本节点' },
  peer: { en: 'Peer', zh: '对等节点' },
  sharing_group: { en: 'Sharing group', zh: '共享分组' },
  hotline_broadcast: { en: 'Hotline broadcast', zh: '热线群呼' },
  federation_message: { en: 'Federation message', zh: '联邦网络消息' },
  federation_source: { en: 'Federation sender', zh: '联邦网络发送方' },
  federation_directory: { en: 'Membership directory', zh: '成员名录' },
  meeting: { en: 'Meeting', zh: '会议' },
  meeting_outcome: { en: 'Meeting outcome', zh: '会议成果' },
  action_item: { en: 'Action item', zh: '行动事项' },
  roster_shift: { en: 'Duty shift', zh: '值班班次' },
  intel_collection: { en: 'Intelligence collection', zh: '情报集合' },
  taxii_feed: { en: 'TAXII feed', zh: 'TAXII 订阅源' },
  correlation_alert: { en: 'Correlation alert', zh: '关联告警' },
  correlation_exclusion: { en: 'Correlation exclusion', zh: '关联排除项' },
  exercise: { en: 'Exercise', zh: '演练' },
  exercise_scenario: { en: 'Exercise scenario', zh: '演练脚本' },
  knowledge_article: { en: 'Knowledge article', zh: '知识库文章' },
  public_report: { en: 'Public report', zh: '群众举报' },
  sso_provider: { en: 'Single-sign-on provider', zh: '单点登录提供方' },
};

/** Whole actions that are not "<record>: <event>" (sign-in, the node's federation, accounts). */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, Bilingual>> = {
  'auth.login': { en: 'Signed in', zh: '登录' },
  'auth.login_failed': { en: 'Sign-in failed', zh: '登录失败' },
  'auth.logout': { en: 'Signed out', zh: '退出登录' },
  'auth.totp_code_failed': { en: 'Wrong two-factor code', zh: '双因素验证码错误' },
  'auth.totp_disabled': { en: 'Two-factor sign-in turned off', zh: '已关闭双因素登录' },
  'auth.totp_enabled': { en: 'Two-factor sign-in turned on', zh: '已开启双因素登录' },
  'auth.totp_enrolment_started': { en: 'Two-factor enrolment started', zh: '开始设置双因素登录' },
  'auth.passkey_added': { en: 'Passkey added', zh: '添加通行密钥' },
  'auth.passkey_renamed': { en: 'Passkey renamed', zh: '重命名通行密钥' },
  'auth.passkey_removed': { en: 'Passkey removed', zh: '删除通行密钥' },
  'auth.passkey_policy_changed': { en: 'Passkey policy changed', zh: '更改通行密钥策略' },
  'auth.password_check_failed': { en: 'Wrong password to confirm a change', zh: '确认更改时密码错误' },
  'auth.sso_backchannel_logout': { en: 'Signed out by the identity provider', zh: '被身份提供方登出' },
  'auth.sso_sessions_revoked': {
    en: 'Sessions ended: the identity provider refused the account',
    zh: '会话已终止：身份提供方拒绝了该账户',
  },
  'sso.provider_created': { en: 'Single-sign-on provider added', zh: '添加单点登录提供方' },
  'sso.provider_updated': { en: 'Single-sign-on provider changed', zh: '修改单点登录提供方' },
  'sso.provider_deleted': { en: 'Single-sign-on provider removed', zh: '移除单点登录提供方' },
  'user.sso_linked': { en: 'Account linked to an identity provider', zh: '账户已关联身份提供方' },
  'user.sso_roles_synced': { en: 'Roles taken from the identity provider', zh: '按身份提供方更新角色' },
  'user.created': { en: 'User account created', zh: '创建用户账户' },
  'user.updated': { en: 'User account changed by an administrator', zh: '管理员修改了用户账户' },
  'user.profile_updated': { en: 'Own profile changed', zh: '修改本人资料' },
  'user.preferences_changed': { en: 'Language or time zone changed', zh: '更改语言或时区' },
  'user.paging_changed': { en: 'Paging settings changed', zh: '更改传呼设置' },
  'user.paging_tested': { en: 'Test page sent', zh: '发送测试传呼' },
  'paging.ack_link_opened': { en: 'Acknowledged from a page link', zh: '通过传呼链接确认' },
  'paging.settings_changed': { en: 'Paging settings of the node changed', zh: '更改节点传呼设置' },
  'token.created': { en: 'API token created', zh: '创建 API 令牌' },
  'token.revoked': { en: 'API token revoked', zh: '吊销 API 令牌' },
  'security.self_grant': { en: 'Refused: own roles raised', zh: '已拒绝：提升本人角色' },
  'federation.keys_rotated': { en: 'Node signing keys rotated', zh: '轮换本节点签名密钥' },
  'federation.peer_added': { en: 'Peer added', zh: '添加对等节点' },
  'federation.group_created': { en: 'Sharing group created', zh: '创建共享分组' },
  'federation.group_updated': { en: 'Sharing group changed', zh: '修改共享分组' },
  'federation.group_deleted': { en: 'Sharing group deleted', zh: '删除共享分组' },
  'call.broadcast_placed': { en: 'Hotline broadcast placed', zh: '发起热线群呼' },
  'federation.peer_removed': { en: 'Peer removed', zh: '移除对等节点' },
  'federation.peer_suspended': { en: 'Peer suspended', zh: '暂停对等节点' },
  'federation.peer_resumed': { en: 'Peer resumed', zh: '恢复对等节点' },
  'federation.peer_card_updated': { en: 'Peer card updated', zh: '更新对等节点名片' },
  'federation.peer_card_refused': { en: 'Peer card refused', zh: '拒绝对等节点名片' },
  'federation.ping_sent': { en: 'Connection check sent', zh: '发送连接检测' },
  'federation.received': { en: 'Message received from a peer', zh: '收到对等节点消息' },
  'federation.rejected': { en: 'Message from a peer refused', zh: '拒收对等节点消息' },
  'federation.send_rejected': { en: 'Message refused by the peer', zh: '消息被对等节点拒收' },
  'federation.resend_requested': { en: 'Peer asked for a re-send', zh: '对等节点请求重发' },
  'federation.inbox_refused': { en: 'Incoming message refused', zh: '拒收传入消息' },
  'federation.dead_letter_discarded': { en: 'Refused message discarded', zh: '丢弃被拒消息' },
  'federation.dead_letter_exported': { en: 'Refused message exported', zh: '导出被拒消息' },
  'federation.directory_applied': { en: 'Membership directory version applied', zh: '应用成员名录版本' },
  'federation.directory_published': { en: 'Membership directory sent to the members', zh: '向成员发送成员名录' },
  'federation.directory_signed': { en: 'Membership directory signed as a founder', zh: '以创始成员身份签署成员名录' },
  'federation.directory_refused': { en: 'Membership directory from a peer refused', zh: '拒绝对等节点发来的成员名录' },
};

/** What happened, the last part of an action (`…acknowledged`), in words. */
export const AUDIT_EVENT_LABELS: Readonly<Record<string, Bilingual>> = {
  // requests
  draft_created: { en: 'draft created', zh: '创建草稿' },
  draft_updated: { en: 'draft edited', zh: '修改草稿' },
  submitted: { en: 'submitted', zh: '已提交' },
  received: { en: 'received', zh: '已收到' },
  acknowledged: { en: 'acknowledged', zh: '已确认收到' },
  accepted: { en: 'accepted', zh: '已受理' },
  information_requested: { en: 'information requested', zh: '要求补充信息' },
  information_provided: { en: 'information provided', zh: '已补充信息' },
  declined: { en: 'declined', zh: '已拒绝' },
  approval_requested: { en: 'approval requested', zh: '已提请审批' },
  approval_recorded: { en: 'approval recorded', zh: '已记录审批' },
  work_started: { en: 'work started', zh: '开始办理' },
  partially_fulfilled: { en: 'partially fulfilled', zh: '部分完成' },
  fulfilled: { en: 'fulfilled', zh: '已完成' },
  closed: { en: 'closed', zh: '已关闭' },
  withdrawn: { en: 'withdrawn', zh: '已撤回' },
  preservation_renewed: { en: 'preservation renewed', zh: '保全已续期' },
  clock_override_proposed: { en: 'new deadlines proposed', zh: '提议调整时限' },
  clock_override_agreed: { en: 'new deadlines agreed', zh: '同意调整时限' },
  clock_override_rejected: { en: 'new deadlines rejected', zh: '拒绝调整时限' },
  ack_overdue: { en: 'acknowledgement overdue', zh: '确认逾期' },
  response_overdue: { en: 'response overdue', zh: '答复逾期' },
  response_due_soon: { en: 'response due soon', zh: '答复即将到期' },
  escalated: { en: 'escalated', zh: '已升级' },
  renewal_reminder: { en: 'preservation renewal reminder', zh: '保全续期提醒' },
  preservation_lapsed: { en: 'preservation lapsed', zh: '保全已失效' },
  evidence_added: { en: 'evidence added', zh: '添加证据' },
  case_linked: { en: 'case linked', zh: '关联案件' },
  // calls
  placed: { en: 'placed', zh: '已发出' },
  callback_attempted: { en: 'callback attempted', zh: '已尝试回拨' },
  note_added: { en: 'note added', zh: '添加备注' },
  // cases, evidence, observables, tasks
  created: { en: 'created', zh: '已创建' },
  updated: { en: 'changed', zh: '已修改' },
  archived: { en: 'archived', zh: '已归档' },
  status_changed: { en: 'status changed', zh: '状态变更' },
  call_linked: { en: 'call linked', zh: '关联呼叫' },
  member_added: { en: 'member added', zh: '添加成员' },
  member_role_changed: { en: 'member role changed', zh: '变更成员角色' },
  removed: { en: 'removed', zh: '已移除' },
  shared: { en: 'shared', zh: '已共享' },
  unshared: { en: 'sharing stopped', zh: '停止共享' },
  added: { en: 'added', zh: '已添加' },
  custody: { en: 'custody step recorded', zh: '记录保管环节' },
  merged: { en: 'merged', zh: '已合并' },
  forwarded: { en: 'forwarded', zh: '已转交' },
  joined: { en: 'joined', zh: '已加入' },
  deleted: { en: 'deleted', zh: '已删除' },
  revised: { en: 'revised', zh: '已修订' },
  raised: { en: 'raised', zh: '已触发' },
  attachment_added: { en: 'attachment added', zh: '添加附件' },
  attachment_downloaded: { en: 'attachment downloaded', zh: '下载附件' },
  // dialogue, roster
  meeting_created: { en: 'planned', zh: '已安排' },
  meeting_updated: { en: 'changed', zh: '已修改' },
  outcome_recorded: { en: 'outcome recorded', zh: '记录会议成果' },
  outcome_amended: { en: 'outcome amended', zh: '修订会议成果' },
  action_item_created: { en: 'created', zh: '已创建' },
  action_item_noted: { en: 'progress noted', zh: '记录进展' },
  action_item_overdue: { en: 'overdue', zh: '已逾期' },
  shift_added: { en: 'added', zh: '已添加' },
  shift_updated: { en: 'changed', zh: '已修改' },
  shift_removed: { en: 'removed', zh: '已移除' },
  // exercises
  started: { en: 'started', zh: '已开始' },
  ended: { en: 'ended', zh: '已结束' },
  inject_fired: { en: 'inject sent', zh: '已发送情景注入' },
  inject_failed: { en: 'inject failed', zh: '情景注入失败' },
  // intelligence
  stix_imported: { en: 'STIX imported', zh: '导入 STIX' },
  taxii_pulled: { en: 'pulled', zh: '已拉取' },
  taxii_object_deleted: { en: 'object deleted', zh: '删除对象' },
  taxii_party_bound: { en: 'partner account bound', zh: '绑定合作方账户' },
  taxii_party_unbound: { en: 'partner account unbound', zh: '解除合作方账户' },
};

/** The part of an action naming what happened: `call.call.acknowledged` → `acknowledged`. */
export function actionEvent(action: string): string {
  return action.split('.').at(-1) ?? action;
}

/** The action in words ("Hotline call: acknowledged"), or null when the catalogue cannot name it. */
export function auditActionLabel(action: string, subjectType: string): Bilingual | null {
  const whole = AUDIT_ACTION_LABELS[action];
  if (whole) return whole;
  const subject = AUDIT_SUBJECT_LABELS[subjectType];
  const event = AUDIT_EVENT_LABELS[actionEvent(action)];
  if (!subject || !event) return null;
  return { en: `${subject.en}: ${event.en}`, zh: `${subject.zh}：${event.zh}` };
}

/** Never raw in the UI: the label, or the action's words made readable (`peer_added` → `peer added`). */
export function auditActionText(action: string, subjectType: string): Bilingual {
  const label = auditActionLabel(action, subjectType);
  if (label) return label;
  const words = actionEvent(action).replace(/_/g, ' ');
  return { en: words, zh: words };
}
