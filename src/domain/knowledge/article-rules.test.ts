import { describe, expect, it } from 'vitest';
import type { UserActor } from '../shared/actor.js';
import { createArticle, receiveArticleVersion, reviseArticle, shareArticle, unshareArticle } from './article-rules.js';
import type { ArticleContent } from './article-types.js';
import { codeOf } from '../shared/test-support.js';

const actor: UserActor = { kind: 'user', userId: 'u1', name: 'Li Wei', roles: ['analyst'], partyId: 'CN' };
const now = new Date('2026-05-01T08:00:00Z');
const content: ArticleContent = {
  kind: 'typology',
  title: { en: 'Pig-butchering', zh: '杀猪盘' },
  body: { en: 'Body', zh: '正文' },
  summary: { en: '', zh: '' },
  tags: ['fraud', ' Fraud ', 'crypto'],
  concerns: ['KH'],
  status: 'published',
  tlp: 'GREEN',
};

describe('article rules', () => {
  it('creates version 1 with de-duplicated tags', () => {
    const { record, events } = createArticle(content, actor, now, { id: 'a1', localParty: 'CN' });
    expect(record).toMatchObject({ version: 1, originParty: 'CN', authorName: 'Li Wei', tags: ['fraud', 'crypto'] });
    expect(events.map((e) => e.type)).toEqual(['created']);
  });

  it('refuses an article without any title, naming the field in both languages', () => {
    const make = () =>
      createArticle({ ...content, title: { en: ' ', zh: '' } }, actor, now, { id: 'a', localParty: 'CN' });
    expect(codeOf(make)).toBe('KNOWLEDGE_INVALID');
    expect(() => make()).toThrow(
      expect.objectContaining({
        issues: [
          expect.objectContaining({
            path: 'title',
            message: expect.objectContaining({ zh: expect.stringContaining('标题') }),
          }),
        ],
      }),
    );
  });

  it('revises into a new version on the origin only', () => {
    const { record } = createArticle(content, actor, now, { id: 'a1', localParty: 'CN' });
    const next = reviseArticle(record, { ...content, title: { en: 'v2', zh: '第二版' } }, actor, now, 'CN', 'typo');
    expect(next.record.version).toBe(2);
    expect(codeOf(() => reviseArticle(record, content, actor, now, 'KH', ''))).toBe('KNOWLEDGE_READ_ONLY_COPY');
  });

  it('refuses to share TLP:RED and keeps the share list', () => {
    const { record } = createArticle({ ...content, tlp: 'RED' }, actor, now, { id: 'a1', localParty: 'CN' });
    expect(codeOf(() => shareArticle(record, ['KH'], now, 'CN'))).toBe('KNOWLEDGE_SHARE_REFUSED');
    const green = createArticle(content, actor, now, { id: 'a2', localParty: 'CN' }).record;
    const shared = shareArticle(green, ['KH', 'KH'], now, 'CN').record;
    expect(shared.sharedWith).toEqual(['KH']);
    expect(unshareArticle(shared, ['KH'], now, 'CN').record.sharedWith).toEqual([]);
  });

  it('applies only newer versions from the origin', () => {
    const v1 = createArticle(content, actor, now, { id: 'a1', localParty: 'CN' }).record;
    const v2 = { ...v1, version: 2 };
    expect(receiveArticleVersion(null, v1, 'CN')).toBe('apply');
    expect(receiveArticleVersion(v2, v1, 'CN')).toBe('ignore');
    expect(receiveArticleVersion(v1, v2, 'CN')).toBe('apply');
    expect(receiveArticleVersion(null, v1, 'KH')).toBe('ignore');
  });
});
