// Demo reports from the public on the first node: a Chinese victim of a fake customer-service
// scam and an English-speaking victim paying the same account, so triage shows a suggested
// duplicate, shared indicators and a case to create.
import { submitPublicReport } from '../services/public-report/submit-public-report.js';
import type { SeededNode } from './seed-demo.js';

const SHARED_ACCOUNT = '6217 0012 3456 7890 125';

export async function seedDemoPublicReports(seeded: readonly SeededNode[]): Promise<void> {
  const first = seeded[0];
  if (!first) return;
  const ctx = first.ctx;
  await submitPublicReport(
    ctx,
    {
      category: 'fraud',
      language: 'zh',
      narrative:
        '有人打电话自称某电商平台客服，说我开通了“百万保障”会员，不取消每月要扣费。对方让我下载会议软件共享屏幕，再把钱转到所谓的“安全账户”核验。我分三次转了 52000 元，之后对方电话 17098765432 就打不通了。',
      occurredAt: '2026-02-20',
      amountLost: 52000,
      currency: 'CNY',
      payments: [{ method: 'bank_transfer', account: SHARED_ACCOUNT, platform: '手机银行' }],
      suspect: { phones: ['17098765432'], urls: [], handles: ['wechat:kefu_baozhang'], emails: [] },
      reporter: { name: '王女士', phone: '13912345678', consent: true },
    },
    [],
    { clientIp: '203.0.113.10' },
  );
  await submitPublicReport(
    ctx,
    {
      category: 'fraud',
      language: 'en',
      narrative:
        'A caller said he was from the online shop\'s customer service and that a "million protection" membership would charge me monthly. He had me share my screen and transfer 9,800 CNY to a "safe account" to verify my identity. The site he sent, hxxps://baozhang-refund[.]com/cancel, is down now.',
      occurredAt: '2026-02-24',
      amountLost: 9800,
      currency: 'CNY',
      payments: [{ method: 'bank_transfer', account: SHARED_ACCOUNT }],
      suspect: { phones: [], urls: [], handles: [], emails: [] },
    },
    [],
    { clientIp: '203.0.113.11' },
  );
}
