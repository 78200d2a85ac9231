// Business rules of a scenario, each refusal in both languages: bilingual texts, participants that
// are peers, injects addressed to participants, and call/request content that the normal workflow
// would accept at firing time (checked now, so an exercise does not fail halfway through).
import type { ValidationIssue } from '../../error-types.js';
import { validateNewCall } from '../call/index.js';
import { createRequestDraft, validateRequestContent } from '../request/index.js';
import type { UserActor } from '../shared/actor.js';
import { issue } from '../shared/bilingual.js';
import { callMessage, markedSubject } from './inject-content.js';
import type { TInjectInput, TScenarioInput } from './schemas.js';

export type ScenarioContext = { ownParty: string; peers: readonly string[]; author: UserActor; now: Date };

function bilingualIssues(
  path: string,
  value: { en: string; zh: string },
  what: { en: string; zh: string },
): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  if (!value.en.trim())
    out.push(issue(`${path}.en`, 'required', `Enter the ${what.en} in English.`, `请填写英文${what.zh}。`));
  if (!value.zh.trim())
    out.push(issue(`${path}.zh`, 'required', `Enter the ${what.en} in Chinese.`, `请填写中文${what.zh}。`));
  return out;
}

function injectIssues(
  inject: TInjectInput,
  path: string,
  input: TScenarioInput,
  c: ScenarioContext,
): ValidationIssue[] {
  const out = bilingualIssues(`${path}.title`, inject.title, { en: 'inject title', zh: '注入事件标题' });
  if (!input.participants.includes(inject.party)) {
    out.push(
      issue(
        `${path}.party`,
        'not_participant',
        'The inject must go to one of the participants.',
        '注入事件必须发给参演方之一。',
      ),
    );
  }
  if (inject.kind === 'info') out.push(...bilingualIssues(`${path}.text`, inject.text, { en: 'message', zh: '信息' }));
  if (inject.kind === 'call') {
    out.push(...bilingualIssues(`${path}.text`, inject.text, { en: 'call message', zh: '呼叫内容' }));
    const call = {
      ...inject,
      fromParty: c.ownParty,
      toParty: inject.party,
      message: callMessage(inject.text),
      language: 'en' as const,
    };
    out.push(
      ...validateNewCall(call)
        .filter((i) => i.path !== 'toParty')
        .map((i) => ({ ...i, path: `${path}.${i.path}` })),
    );
  }
  if (inject.kind === 'request') {
    // The same rules as submitting the request by hand, run on a trial draft that is never stored.
    const { record } = createRequestDraft(
      { id: 'trial', reference: 'trial' },
      { ...inject.request, subject: markedSubject(inject.request.subject), requestedParty: inject.party },
      c.author,
      c.now,
    );
    out.push(
      ...validateRequestContent(record, c.now, 'submit')
        .filter((i) => i.path !== 'requestedParty')
        .map((i) => ({ ...i, path: `${path}.request.${i.path}` })),
    );
  }
  return out;
}

export function validateScenario(input: TScenarioInput, c: ScenarioContext): ValidationIssue[] {
  const out: ValidationIssue[] = [
    ...bilingualIssues('title', input.title, { en: 'title', zh: '标题' }),
    ...bilingualIssues('briefing', input.briefing, { en: 'briefing', zh: '情况介绍' }),
  ];
  if (input.participants.length === 0) {
    out.push(
      issue('participants', 'required', 'Choose at least one participating peer.', '请至少选择一个参演合作方。'),
    );
  }
  input.participants.forEach((p, i) => {
    if (p === c.ownParty)
      out.push(
        issue(
          `participants.${i}`,
          'own_party',
          'Your own node directs; it does not take part.',
          '本节点为导演方，不作为参演方。',
        ),
      );
    else if (!c.peers.includes(p))
      out.push(
        issue(
          `participants.${i}`,
          'not_peer',
          `${p} is not an active peer of this node.`,
          `${p} 不是本节点的有效合作方。`,
        ),
      );
    if (input.participants.indexOf(p) !== i)
      out.push(issue(`participants.${i}`, 'duplicate', 'This participant is listed twice.', '该参演方重复列出。'));
  });
  input.injects.forEach((inject, i) => out.push(...injectIssues(inject, `injects.${i}`, input, c)));
  return out;
}
