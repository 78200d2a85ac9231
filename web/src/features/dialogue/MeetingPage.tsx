// One meeting: details, participants and agenda; mark it held, agree the minutes or cancel it;
// its agreed outcomes, the action items arising, and its history.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { answer, http } from '../../api/client';
import { useDialogueMeta } from '../../api/meta';
import { Badge, genericTone } from '../../components/Badge';
import { useBi, useLabel } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { PageHeader, Panel, QueryState } from '../../components/Page';
import { PartyName } from '../../components/PartyName';
import { ActionItemsTable } from './ActionItemsTable';
import { MeetingActions, OutcomeForm, ActionItemForm } from './MeetingForms';

export function MeetingPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const bi = useBi();
  const label = useLabel();
  const meta = useDialogueMeta().data;
  const q = useQuery({
    queryKey: ['dialogue', 'meeting', id],
    queryFn: () => answer(http.GET('/api/dialogue/meetings/{id}', { params: { path: { id: id! } } })),
  });
  const m = q.data;
  return (
    <QueryState isLoading={q.isLoading} error={q.error}>
      {m && (
        <>
          <PageHeader
            eyebrow={<Link to="/dialogue">{t('dialogue.title')}</Link>}
            title={bi(m.title)}
            subtitle={
              <>
                {label(meta?.meetingKinds, m.kind)} · <DateTime at={m.startsAt} withZone />
                {m.location ? ` · ${m.location}` : ''}
              </>
            }
            actions={
              <Badge tone={genericTone(m.status)} dot>
                {label(meta?.meetingStatuses, m.status)}
              </Badge>
            }
          />
          <div className="grid-main-side">
            <div className="stack">
              <Panel title={t('workflow.title')} id="meeting-actions">
                <MeetingActions meeting={m} />
              </Panel>
              <Panel title={t('dialogue.outcomes')} id="outcomes">
                {m.outcomes.length === 0 ? (
                  <p className="muted">{t('dialogue.noOutcomes')}</p>
                ) : (
                  <ol className="stack-sm" style={{ paddingLeft: 20, margin: 0 }}>
                    {m.outcomes.map((o) => (
                      <li key={o.id}>
                        <div lang="zh-CN">{o.text.zh}</div>
                        <div className="faint" lang="en">
                          {o.text.en}
                        </div>
                      </li>
                    ))}
                  </ol>
                )}
                {m.allowedActions.includes('update') && m.status === 'held' && <OutcomeForm meetingId={m.id} />}
              </Panel>
              <Panel title={t('dialogue.actionItems')} flush id="meeting-items">
                <ActionItemsTable items={m.actionItems} />
                {m.status !== 'cancelled' && m.status !== 'planned' && (
                  <div className="panel-body">
                    <ActionItemForm meeting={m} />
                  </div>
                )}
              </Panel>
            </div>
            <div className="stack">
              <Panel title={t('dialogue.participants')} id="meeting-people">
                <ul className="plain-list">
                  {m.participants.map((p, i) => (
                    <li key={i}>
                      <span className="title-cell">{p.name}</span>
                      {p.title && <span className="faint"> · {p.title}</span>}
                      <div className="sub">
                        <PartyName id={p.party} />
                      </div>
                    </li>
                  ))}
                </ul>
              </Panel>
              <Panel title={t('dialogue.agenda')} id="meeting-agenda">
                <ol style={{ paddingLeft: 20, margin: 0 }}>
                  {m.agenda.map((a, i) => (
                    <li key={i}>{bi(a)}</li>
                  ))}
                </ol>
              </Panel>
              <Panel title={t('history.title')} id="meeting-history">
                <ol className="timeline">
                  {m.history.map((h) => (
                    <li key={h.id}>
                      <div className="what small">
                        {t(`dialogue.events.${h.type.replace(/^dialogue\./, '') as 'meeting_created'}`, {
                          defaultValue: h.type,
                        })}
                      </div>
                      <div className="when">
                        <DateTime at={h.at} /> · {h.actorLabel}
                      </div>
                    </li>
                  ))}
                </ol>
              </Panel>
            </div>
          </div>
        </>
      )}
    </QueryState>
  );
}
