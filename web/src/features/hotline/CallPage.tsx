// One hotline call: the message, who to call back and when it is for them, the acknowledgement
// clock and escalation ladder, the actions open to this user and the contact log.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { answer, http } from '../../api/client';
import { useCallMeta } from '../../api/meta';
import { useSession } from '../../app/session';
import { Badge, callTone, urgencyTone } from '../../components/Badge';
import { useBi, useLabel } from '../../components/Bi';
import { Countdown } from '../../components/Countdown';
import { DateTime } from '../../components/DateTime';
import { PartyName } from '../../components/PartyName';
import { PageHeader, Panel, QueryState } from '../../components/Page';
import { formatDuration, formatTime } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { CallActions } from './CallActions';
import { CallLinks } from './CallLinks';
import { ExerciseBanner } from '../exercises/ExerciseBanner';
import { PageAckBanner } from './PageAckBanner';

export function CallPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const bi = useBi();
  const label = useLabel();
  const { locale } = useSession();
  const now = useNow();
  const meta = useCallMeta();
  const q = useQuery({
    queryKey: ['calls', 'detail', id],
    queryFn: () => answer(http.GET('/api/calls/{id}', { params: { path: { id: id! } } })),
    refetchInterval: 10_000,
  });
  const c = q.data;
  return (
    <QueryState isLoading={q.isLoading} error={q.error}>
      {c && (
        <>
          <PageHeader
            eyebrow={
              <>
                <Link to="/hotline">{t('calls.title')}</Link> / <span className="mono">{c.reference}</span>
              </>
            }
            title={label(meta.data?.topics, c.topic)}
            subtitle={
              <>
                {c.direction === 'incoming' ? t('requests.from') : t('requests.to')}{' '}
                <PartyName id={c.direction === 'incoming' ? c.fromParty : c.toParty} />
              </>
            }
            actions={
              <div className="row">
                <Badge tone={urgencyTone(c.urgency)}>{label(meta.data?.urgencies, c.urgency)}</Badge>
                <Badge tone={callTone(c.status)} dot>
                  {label(meta.data?.statuses, c.status)}
                </Badge>
              </div>
            }
          />
          <ExerciseBanner exerciseId={c.exerciseId} outgoing={c.direction === 'outgoing'} />
          <PageAckBanner call={c} />
          {c.clock.isAwaitingAck && c.clock.isProminent && (
            <div
              className={`alert ${c.clock.isOverdue ? 'error' : 'warning'}`}
              role="status"
              style={{ marginBottom: 'var(--sp-4)' }}
            >
              <div>
                <div className="alert-title">
                  {c.clock.isOverdue ? t('calls.overdueBanner') : t('calls.awaitingBanner')}
                </div>
                <div>{t('calls.ladder', { role: label(meta.data?.escalationRoles, c.clock.escalationRole) })}</div>
              </div>
            </div>
          )}
          <div className="grid-main-side call-grid">
            <div className="stack">
              <Panel title={t('workflow.title')} id="call-actions">
                <CallActions call={c} />
              </Panel>
              <Panel title={t('calls.message')} id="call-message">
                <p className="prewrap" lang={c.language === 'zh' ? 'zh-CN' : 'en'} style={{ fontSize: 'var(--fs-md)' }}>
                  {c.message}
                </p>
                {c.answer && (
                  <div className="alert success">
                    <div>
                      <div className="alert-title">{t('calls.answer')}</div>
                      <div className="prewrap">{c.answer}</div>
                    </div>
                  </div>
                )}
              </Panel>
              <Panel title={t('calls.contactLog')} id="contact-log">
                <ol className="timeline">
                  {c.contactLog.map((e, i) => (
                    <li key={`${e.at}-${i}`}>
                      <div className="what">
                        {bi(e.label)} <Badge>{e.direction === 'in' ? t('calls.inbound') : t('calls.outbound')}</Badge>
                      </div>
                      <div className="when">
                        <DateTime at={e.at} otherZone={c.callback.timeZone} otherLabel={t('common.theirTime')} /> ·{' '}
                        {e.by === 'system' ? t('language.actorSystem') : e.by}
                      </div>
                      {e.text && <div className="small prewrap">{e.text}</div>}
                    </li>
                  ))}
                </ol>
              </Panel>
            </div>
            <div className="stack">
              <Panel title={t('calls.ackClock')} id="call-clock">
                <div className="clock-row">
                  <div className="clock-label">{t('clock.ack')}</div>
                  <div>
                    <Countdown
                      dueAt={c.ackDueAt}
                      periodMs={c.ackPeriodMs}
                      stopped={
                        c.clock.isAwaitingAck
                          ? null
                          : c.clock.timeToAcknowledgeMs !== null
                            ? t('calls.ackIn', { duration: formatDuration(c.clock.timeToAcknowledgeMs, locale) })
                            : t('clock.finished')
                      }
                    />
                    <div className="faint">
                      <DateTime at={c.acknowledgedAt ?? c.ackDueAt} />
                    </div>
                  </div>
                </div>
                <div className="clock-row">
                  <div className="clock-label">{t('calls.escalation')}</div>
                  <div>
                    {label(meta.data?.escalationRoles, c.clock.escalationRole)}
                    {c.clock.nextEscalationAt && c.clock.isAwaitingAck && (
                      <div className="faint">
                        {t('calls.nextRung')} <DateTime at={c.clock.nextEscalationAt} />
                      </div>
                    )}
                  </div>
                </div>
                {c.acknowledgedBy && <p className="faint">{t('calls.acknowledgedBy', { name: c.acknowledgedBy })}</p>}
              </Panel>
              <Panel title={t('calls.callback')} id="callback">
                <dl className="kv">
                  <dt>{t('calls.callbackName')}</dt>
                  <dd>{c.callback.name}</dd>
                  <dt>{t('calls.callbackPhone')}</dt>
                  <dd>
                    {c.callback.phone ? (
                      <a
                        href={`tel:${c.callback.phone.replace(/[^+\d]/g, '')}`}
                        title={t('layout.callNumber', { phone: c.callback.phone })}
                      >
                        {c.callback.phone}
                      </a>
                    ) : (
                      '—'
                    )}
                  </dd>
                  <dt>{t('calls.callbackEmail')}</dt>
                  <dd className="break">{c.callback.email ?? '—'}</dd>
                  <dt>{t('calls.theirLocalTime')}</dt>
                  <dd>
                    {formatTime(new Date(now).toISOString(), locale, c.callback.timeZone)}{' '}
                    <span className="faint">({c.callback.timeZone})</span>
                  </dd>
                </dl>
              </Panel>
              <Panel title={t('calls.links')} id="call-links">
                <CallLinks call={c} />
              </Panel>
            </div>
          </div>
        </>
      )}
    </QueryState>
  );
}
