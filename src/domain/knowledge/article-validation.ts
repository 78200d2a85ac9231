// Content rules of an article, reported per field in both languages.
import type { ValidationIssue } from '../../error-types.js';
import { issue } from '../shared/bilingual.js';
import type { ArticleContent } from './article-types.js';

export const ARTICLE_LIMITS = { title: 200, summary: 1000, body: 200_000, tags: 20, tag: 40, concerns: 50 } as const;

const blank = (s: string) => s.trim().length === 0;

export function validateArticleContent(c: ArticleContent): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (blank(c.title.en) && blank(c.title.zh)) {
    issues.push(
      issue(
        'title',
        'TITLE_REQUIRED',
        'Give the article a title in at least one language.',
        '请至少用一种语言填写文章标题。',
      ),
    );
  }
  for (const lang of ['en', 'zh'] as const) {
    if (c.title[lang].length > ARTICLE_LIMITS.title) {
      issues.push(
        issue(
          `title.${lang}`,
          'TOO_LONG',
          `At most ${ARTICLE_LIMITS.title} characters.`,
          `最多 ${ARTICLE_LIMITS.title} 个字符。`,
        ),
      );
    }
    if (c.summary[lang].length > ARTICLE_LIMITS.summary) {
      issues.push(
        issue(
          `summary.${lang}`,
          'TOO_LONG',
          `At most ${ARTICLE_LIMITS.summary} characters.`,
          `最多 ${ARTICLE_LIMITS.summary} 个字符。`,
        ),
      );
    }
    if (c.body[lang].length > ARTICLE_LIMITS.body) {
      issues.push(
        issue(
          `body.${lang}`,
          'TOO_LONG',
          `At most ${ARTICLE_LIMITS.body} characters.`,
          `最多 ${ARTICLE_LIMITS.body} 个字符。`,
        ),
      );
    }
  }
  if (c.status === 'published' && blank(c.body.en) && blank(c.body.zh)) {
    issues.push(
      issue(
        'body',
        'BODY_REQUIRED',
        'A published article needs a body in at least one language.',
        '发布的文章至少需要一种语言的正文。',
      ),
    );
  }
  if (c.tags.length > ARTICLE_LIMITS.tags) {
    issues.push(
      issue('tags', 'TOO_MANY', `At most ${ARTICLE_LIMITS.tags} tags.`, `最多 ${ARTICLE_LIMITS.tags} 个标签。`),
    );
  }
  c.tags.forEach((t, i) => {
    if (blank(t) || t.length > ARTICLE_LIMITS.tag) {
      issues.push(
        issue(
          `tags.${i}`,
          'BAD_TAG',
          `A tag has 1 to ${ARTICLE_LIMITS.tag} characters.`,
          `标签长度应为 1 至 ${ARTICLE_LIMITS.tag} 个字符。`,
        ),
      );
    }
  });
  if (c.concerns.length > ARTICLE_LIMITS.concerns) {
    issues.push(
      issue(
        'concerns',
        'TOO_MANY',
        `At most ${ARTICLE_LIMITS.concerns} parties.`,
        `最多 ${ARTICLE_LIMITS.concerns} 个参与方。`,
      ),
    );
  }
  return issues;
}

/** Tags compared and stored trimmed, without duplicates (case-insensitive). */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const t = raw.normalize('NFKC').trim();
    const key = t.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(t);
    }
  }
  return out;
}
