// Demo knowledge base: four bilingual articles written on the first node — a pig-butchering
// typology, a preservation-request template, a 24/7 contact guide and a crypto-tracing
// procedure — the shareable ones shared with every other demo node over the federation.
import type { ArticleContent } from '../domain/knowledge/article-types.js';
import { createArticle } from '../services/knowledge/create-article.js';
import { shareArticle } from '../services/knowledge/share-article.js';
import type { SeededNode } from './seed-demo.js';

const ARTICLES: ArticleContent[] = [
  {
    kind: 'typology',
    status: 'published',
    tlp: 'GREEN',
    tags: ['杀猪盘', 'pig-butchering', 'investment-fraud'],
    concerns: [],
    title: { zh: '“杀猪盘”投资诈骗的典型手法', en: 'Pig-butchering investment fraud: typical pattern' },
    summary: {
      zh: '诈骗分子通过交友软件建立感情关系，再诱导受害人在虚假平台投资虚拟货币。',
      en: 'Scammers build a romantic relationship on dating apps, then lure the victim into "investing" on a fake crypto platform.',
    },
    body: {
      zh: '## 阶段\n\n1. **寻猪**：在交友软件、社交媒体上物色目标。\n2. **养猪**：长期聊天建立信任，展示“投资收益”。\n3. **杀猪**：诱导受害人在虚假平台充值，小额提现成功后加大投入，最终无法提现。\n\n## 调查要点\n\n- 保全聊天记录、交友软件账号注册信息\n- 追踪泰达币（USDT）等虚拟货币流向\n- 向平台托管服务商发出数据保全请求',
      en: '## Stages\n\n1. **Finding the pig**: targets are chosen on dating apps and social media.\n2. **Raising the pig**: weeks of chat build trust and show fake "profits".\n3. **Butchering**: the victim deposits on a fake platform; small withdrawals succeed, larger deposits follow, then withdrawals are blocked.\n\n## Investigative points\n\n- Preserve chat logs and dating-app subscriber records\n- Trace cryptocurrency (USDT) flows\n- Send a preservation request to the platform\'s hosting provider',
    },
  },
  {
    kind: 'template',
    status: 'published',
    tlp: 'GREEN',
    tags: ['preservation', '数据保全', 'template'],
    concerns: ['us-demo'],
    title: { zh: '数据保全请求模板（美国服务商）', en: 'Preservation request template (US providers)' },
    summary: {
      zh: '依据《布达佩斯公约》第29条向美方发出数据保全请求的要素。',
      en: 'What a preservation request under Budapest Convention Art. 29 to the US must contain.',
    },
    body: {
      zh: '## 必填要素\n\n- 账号标识（邮箱、域名、IP地址及时间范围，注明时区）\n- 服务商名称\n- 案情简述及与账号的关联\n- 拟通过司法协助调取的数据\n- 联系人（24/7）\n\n保全期限一般为 **90 天**，可续期一次。',
      en: '## Required elements\n\n- Account identifiers (e-mail, domain, IP address with time range and time zone)\n- Provider name\n- Short facts linking the account to the offence\n- Data to be obtained later through mutual legal assistance\n- Contact officer (24/7)\n\nPreservation normally lasts **90 days** and can be renewed once.',
    },
  },
  {
    kind: 'contact_guide',
    status: 'published',
    tlp: 'AMBER',
    tags: ['24/7', 'contact', '联络'],
    concerns: [],
    title: { zh: '24/7 联络点使用指南', en: 'Using the 24/7 points of contact' },
    summary: {
      zh: '紧急情况下如何通过热线和联络点快速联系对方机构。',
      en: 'How to reach a partner agency fast through the hotline and its points of contact.',
    },
    body: {
      zh: '## 何时使用热线\n\n- 存在人身危险（绑架、勒索、自杀风险）\n- 证据即将灭失（账号即将删除）\n\n## 步骤\n\n1. 在“热线”页面发起呼叫，注明紧急程度。\n2. 对方值班员须在规定时间内确认。\n3. 通话后补发正式请求。',
      en: "## When to use the hotline\n\n- Danger to life (kidnapping, extortion, suicide risk)\n- Evidence about to disappear (account about to be deleted)\n\n## Steps\n\n1. Place a call from the Hotline page with its urgency.\n2. The partner's duty officer must acknowledge within the agreed time.\n3. Follow up with a formal request.",
    },
  },
  {
    kind: 'procedure',
    status: 'published',
    tlp: 'GREEN',
    tags: ['crypto', '洗钱', 'money-laundering'],
    concerns: [],
    title: { zh: '虚拟货币洗钱资金追踪流程', en: 'Tracing laundered funds through cryptocurrency' },
    summary: {
      zh: '从受害人转账到交易所出金的追踪步骤。',
      en: "Steps from the victim's transfer to the exchange cash-out.",
    },
    body: {
      zh: '1. 固定受害人转账记录与收款钱包地址。\n2. 使用区块链浏览器追踪资金流向，标注混币服务。\n3. 识别出金交易所，发出冻结与调证请求。\n4. 通过地下钱庄的线索与银行卡信息相互印证。',
      en: "1. Secure the victim's transfer records and the receiving wallet addresses.\n2. Follow the funds with a block explorer, marking mixing services.\n3. Identify the cash-out exchange; request a freeze and records.\n4. Cross-check with underground-banking leads and bank-card data.",
    },
  },
];

export async function seedDemoKnowledge(seeded: readonly SeededNode[]): Promise<void> {
  const [author, ...others] = seeded;
  if (!author) return;
  for (const content of ARTICLES) {
    const article = await createArticle(author.ctx, author.as.analyst, content);
    // AMBER stays with the author's agency in the demo: the share would be legal, but it shows the marking.
    if (content.tlp === 'GREEN' && others.length) {
      await shareArticle(author.ctx, author.as.analyst, article.id, { peers: others.map((n) => n.party.nodeId) });
    }
  }
}
