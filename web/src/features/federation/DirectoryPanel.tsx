// The federation's signed membership directory as this node holds it: the members with their
// peer's health at a glance (healthy / degraded / unreachable / suspended as the peers list reads
// it, not a peer yet, a key other than the listed one) — with many members searchable and grouped
// by region, problems first — and "what changed in each version": members added, keys rotated, members removed, a new founder
// set, and any member whose card could not be fetched or did not match.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { classifyPeerHealth, type PeerHealthClass } from '../../../../src/domain/federation/peer-health';
import { matchesPeerQuery } from '../../../../src/domain/federation/peer-search';
import { groupByRegion } from '../../../../src/domain/federation/regions';
import { answer, http } from '../../api/client';
import { Badge, type Tone } from '../../components/Badge';
import { useBi } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { TextField } from '../../components/Field';
import { DataTable } from '../../components/ListParts';
import { Empty, Panel, QueryState } from '../../components/Page';
import { PartyName, PICKER_SCALE_AT, useCountryName } from '../../components/PartyName';
import { useFailureReason } from './failure-reason';
import type { DirectoryDiff, DirectoryMember } from './federation-types';

/** A member's state: this node, a key other than the listed one, not a peer, or its peer's health. */
type Health = 'self' | 'otherKey' | 'notPeer' | PeerHealthClass;
const HEALTH_TONES: Record<Health, Tone> = {
  self: 'neutral',
  otherKey: 'danger',
  notPeer: 'warning',
  unreachable: 'danger',
  degraded: 'warning',
  suspended: 'neutral',
  healthy: 'success',
};

function healthOf(m: DirectoryMember): Health {
  if (m.self) return 'self';
  if (!m.peer) return 'notPeer';
  if (!m.peer.fingerprintMatches) return 'otherKey';
  // As the peers list classifies it (the directory view carries no queue age: failures and status decide).
  return classifyPeerHealth(
    { status: m.peer.status, consecutiveFailures: m.peer.consecutiveFailures, oldestUndeliveredAt: null },
    new Date(0),
  );
}

/** Problems first: a wrong key, unreachable, not a peer, degraded, suspended; then the healthy, this node last. */
const HEALTH_ORDER: Health[] = ['otherKey', 'unreachable', 'notPeer', 'degraded', 'suspended', 'healthy', 'self'];
const PROBLEMS = new Set(['card_unreachable', 'card_mismatch', 'self_mismatch']);

function Changes({ diff }: { diff: DirectoryDiff }) {
  const { t } = useTranslation();
  const parts: { key: string; label: string; parties: string[] }[] = [
    { key: 'added', label: t('directory.added'), parties: diff.added },
    { key: 'rotated', label: t('directory.rotated'), parties: diff.rotated.map((r) => r.party) },
    { key: 'removed', label: t('directory.removed'), parties: diff.removed },
    { key: 'updated', label: t('directory.updated'), parties: diff.updated },
  ].filter((p) => p.parties.length > 0);
  if (parts.length === 0 && !diff.foundersChanged) return <span className="muted">{t('directory.noChange')}</span>;
  return (
    <ul className="plain-list">
      {parts.map((p) => (
        <li key={p.key}>
          <span className="label small">{p.label}</span>{' '}
          {p.parties.map((party, i) => (
            <span key={party}>
              {i > 0 && ', '}
              <PartyName id={party} />
            </span>
          ))}
        </li>
      ))}
      {diff.foundersChanged && (
        <li>
          <Badge tone="warning">{t('directory.foundersChanged')}</Badge>
        </li>
      )}
    </ul>
  );
}

export function DirectoryPanel() {
  const { t } = useTranslation();
  const bi = useBi();
  const q = useQuery({
    queryKey: ['federation', 'directory'],
    queryFn: () => answer(http.GET('/api/federation/directory')),
    refetchInterval: 15_000,
  });
  const country = useCountryName();
  const failureReason = useFailureReason();
  const [query, setQuery] = useState('');
  const current = q.data?.current ?? null;
  // With many members (30+): searchable (name, party id, country), grouped by region, problems first.
  const many = (current?.members.length ?? 0) >= PICKER_SCALE_AT;
  const members = (current?.members ?? [])
    .filter((m) => matchesPeerQuery({ id: m.party, name: m.name, country: m.country }, query, [country(m.country)]))
    .sort(
      (a, b) =>
        HEALTH_ORDER.indexOf(healthOf(a)) - HEALTH_ORDER.indexOf(healthOf(b)) || bi(a.name).localeCompare(bi(b.name)),
    );
  const sections = many
    ? groupByRegion(members, (m) => m.country).map(({ region, items }) => ({
        key: region,
        title: t('peerList.regionCount', { region: t(`regions.${region}`), count: items.length }),
        items,
      }))
    : undefined;
  return (
    <>
      <Panel
        title={t('directory.title')}
        flush
        id="directory"
        footer={<p className="faint small">{t('directory.help')}</p>}
      >
        <QueryState isLoading={q.isLoading} error={q.error}>
          {!current ? (
            <Empty title={t('directory.none')}>
              {t('directory.noneBody')} <code>crossline directory apply</code>
            </Empty>
          ) : (
            <>
              <div className="panel-body">
                <dl className="kv">
                  <dt>{t('directory.federation')}</dt>
                  <dd className="mono">{current.federation}</dd>
                  <dt>{t('directory.version')}</dt>
                  <dd>
                    {current.version} · <DateTime at={current.issuedAt} />
                  </dd>
                  <dt>{t('directory.threshold')}</dt>
                  <dd>
                    {t('directory.thresholdValue', { k: current.threshold, n: current.founders.length })}
                    {' · '}
                    {t('directory.signedBy')}{' '}
                    {current.signedBy.map((party, i) => (
                      <span key={party}>
                        {i > 0 && ', '}
                        <PartyName id={party} />
                      </span>
                    ))}
                  </dd>
                </dl>
              </div>
              {many && (
                <div className="panel-body filter-bar">
                  <div className="peer-tools" role="search" aria-label={t('peerList.directorySearch')}>
                    <TextField
                      label={t('peerList.directorySearch')}
                      path="directory-search"
                      type="search"
                      placeholder={t('peerList.searchHint')}
                      value={query}
                      onChange={(e) => setQuery(e.target.value)}
                    />
                    {query.trim() && (
                      <p className="faint small" aria-live="polite">
                        {t('peerList.directoryShown', { shown: members.length, total: current.members.length })}
                      </p>
                    )}
                  </div>
                </div>
              )}
              <DataTable
                items={members}
                sections={sections}
                testId="directory-members"
                rowKey={(m) => m.party}
                rowClass={(m) =>
                  ['unreachable', 'degraded', 'otherKey', 'notPeer'].includes(healthOf(m)) ? 'overdue' : undefined
                }
                empty={<Empty title={query.trim() ? t('peerList.noMatch') : t('directory.noMembers')} />}
                columns={[
                  t('directory.member'),
                  t('directory.roles'),
                  t('directory.health'),
                  t('directory.lastContact'),
                  { title: t('directory.queue'), className: 'num' },
                ]}
                row={(m) => {
                  const health = healthOf(m);
                  return (
                    <>
                      <td>
                        <div className="title-cell">{bi(m.name)}</div>
                        <div className="sub">
                          <span className="mono">{m.party}</span> · {country(m.country)}
                        </div>
                        <div className="sub mono small break">{m.endpoint}</div>
                      </td>
                      <td>
                        <div className="row">
                          {m.founder && <Badge tone="info">{t('directory.founder')}</Badge>}
                          {m.roles.map((r) => (
                            <Badge key={r} tone="neutral">
                              {t(`directory.role.${r as 'secretariat'}`, { defaultValue: r })}
                            </Badge>
                          ))}
                        </div>
                      </td>
                      <td>
                        <Badge tone={HEALTH_TONES[health]} dot>
                          {health === 'self' || health === 'otherKey' || health === 'notPeer'
                            ? t(`directory.state.${health}`)
                            : t(`peerHealth.state.${health}`)}
                        </Badge>
                        {m.peer && m.peer.consecutiveFailures > 0 && (
                          <div className="sub small" title={m.peer.lastErrorCode ?? undefined}>
                            {t('peerHealth.failing', {
                              count: m.peer.consecutiveFailures,
                              reason: failureReason(m.peer.lastErrorCode, m.peer.lastErrorReason),
                            })}
                          </div>
                        )}
                      </td>
                      <td className="small">{m.peer ? <DateTime at={m.peer.lastContactAt} /> : '—'}</td>
                      <td className="num">{m.peer ? m.peer.queueDepth : '—'}</td>
                    </>
                  );
                }}
              />
            </>
          )}
        </QueryState>
      </Panel>
      {current && (
        <Panel title={t('directory.history')} flush id="directory-history">
          <DataTable
            items={q.data?.history ?? []}
            rowKey={(v) => String(v.version)}
            empty={<Empty title={t('directory.none')} />}
            columns={[t('directory.version'), t('directory.changes'), t('directory.problems'), t('directory.applied')]}
            row={(v) => {
              const problems = v.outcomes.filter((o) => PROBLEMS.has(o.outcome));
              return (
                <>
                  <td className="mono">{v.version}</td>
                  <td>
                    <Changes diff={v.diff} />
                  </td>
                  <td className="small">
                    {problems.length === 0 ? (
                      <span className="muted">—</span>
                    ) : (
                      problems.map((o) => (
                        <div key={o.party}>
                          <PartyName id={o.party} />:{' '}
                          <span className="danger-text">
                            {t(`directory.outcome.${o.outcome as 'card_unreachable'}`, { defaultValue: o.outcome })}
                          </span>
                        </div>
                      ))
                    )}
                  </td>
                  <td className="small">
                    <DateTime at={v.appliedAt} />
                    <div className="sub">
                      {v.source.startsWith('peer:')
                        ? t('directory.fromPeer', { peer: v.source.slice(5) })
                        : t(`directory.source.${v.source as 'upload'}`, { defaultValue: v.source })}
                    </div>
                  </td>
                </>
              );
            }}
          />
        </Panel>
      )}
    </>
  );
}
