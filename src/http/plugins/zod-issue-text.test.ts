// Failed Zod rules in words for people, both languages; and every rule with its own message in the
// input schemas gives it through ruleMessage, so its Chinese twin exists.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ruleMessage } from '../../domain/shared/bilingual.js';
import { zodIssueText } from './zod-issue-text.js';

/** Issues as fastify-type-provider-zod hands them over, with the value sent at each path. */
function textsOf(schema: z.ZodType, input: Record<string, unknown>): Record<string, { en: string; zh: string }> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((i) => {
      const { path: where, code, message, ...params } = i;
      return [
        where.join('.'),
        zodIssueText(
          { keyword: code, message, params },
          where.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k], input),
        ),
      ];
    }),
  );
}

describe('zodIssueText', () => {
  const schema = z.object({
    name: z.string().min(1).max(5),
    email: z.email(),
    kind: z.enum(['a', 'b']),
    tags: z.array(z.string()).min(1),
    amount: z.number(),
    count: z.number().int().min(1).max(9),
    code: z.string().regex(/^\d{6}$/, ruleMessage('Enter the 6-digit code.', '请输入 6 位验证码。')),
  });

  it('says "fill in" for what is missing, whatever the rule', () => {
    expect(textsOf(schema, { name: '', email: '', tags: [], code: '' })).toMatchObject({
      name: { en: 'Fill in this field.', zh: '请填写此项。' },
      email: { zh: '请填写此项。' },
      kind: { en: 'Choose one of the options.', zh: '请选择一项。' },
      tags: { zh: '请至少添加或选择一项。' },
      amount: { zh: '请填写此项。' },
      code: { zh: '请填写此项。' },
    });
  });

  it('names the limit, the expected form or the rule’s own words for what is wrong', () => {
    expect(
      textsOf(schema, { name: 'abcdefg', email: 'x@', kind: 'c', tags: ['t'], amount: 'many', count: 12, code: '12' }),
    ).toEqual({
      name: { en: 'Use at most 5 characters (now 7).', zh: '最多 5 个字符（现有 7 个）。' },
      email: {
        en: 'Enter an e-mail address such as name@example.org.',
        zh: '请输入有效的电子邮箱，例如 name@example.org。',
      },
      kind: { en: 'Choose one of the options.', zh: '请从选项中选择一项。' },
      amount: { en: 'Enter a number, e.g. 5000.', zh: '请输入数字，例如 5000。' },
      count: { en: 'Enter a number of 9 or less.', zh: '请输入不大于 9 的数。' },
      code: { en: 'Enter the 6-digit code.', zh: '请输入 6 位验证码。' },
    });
  });
});

/** A ruleMessage call with two string literals (either may span lines). */
const RULE_MESSAGE_CALL =
  /ruleMessage\(\s*(['"`])(?:\\.|(?!\1)[\s\S])*\1\s*,\s*(['"`])(?:\\.|(?!\2)[\s\S])*\2\s*,?\s*\)/g;

/**
 * Messages given through ruleMessage('en', 'zh') are fine: take them out first, then look for
 * .regex(pattern, 'text'), .refine(fn, 'text'), { message: 'text' }, { error: 'text' }.
 */
function bareMessages(source: string): string[] {
  return (
    source
      .replace(RULE_MESSAGE_CALL, 'RULE')
      .match(/\.(?:regex|refine)\([^\n]*,\s*(['"`])[^'"`\n]*\1\s*\)|\b(?:message|error):\s*['"`][^\n]*/g) ?? []
  );
}

describe('input schemas', () => {
  it('the check finds bare messages and passes ruleMessage ones', () => {
    expect(
      bareMessages(
        "a: z.string().regex(/^x$/, 'bad'),\nb: z.string().refine((v) => v.split(',').length > 0, ruleMessage('A, b.', '甲，乙。')),",
      ),
    ).toHaveLength(1);
    expect(
      bareMessages(
        ".refine((v) => v > 1, { message: 'bad' })\n.regex(/^x$/, ruleMessage(\n  'Use x.',\n  '请用 x。',\n))",
      ),
    ).toHaveLength(1);
  });

  const root = path.resolve(import.meta.dirname, '../..');
  const files = [
    ...readdirSync(path.join(root, 'domain'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('schemas.ts'))
      .map((f) => path.join(root, 'domain', f)),
    ...readdirSync(path.join(root, 'http/routes'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.schema.ts'))
      .map((f) => path.join(root, 'http/routes', f)),
  ];

  it('give every rule message of their own in both languages (ruleMessage), never as a bare string', () => {
    expect(files.length).toBeGreaterThan(10);
    const bare: string[] = [];
    for (const file of files) {
      const found = bareMessages(readFileSync(file, 'utf8'));
      bare.push(...found.map((m) => `${path.relative(root, file)}: ${m.slice(0, 80)}`));
    }
    expect(bare).toEqual([]);
  });
});
