// The node's passkey policy: require a passkey for roles that see TLP:RED data. Supervisors and
// administrators change it (the server checks); everyone else sees it read-only.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import { DateTime } from '../../components/DateTime';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Panel, QueryState } from '../../components/Page';

export function PasskeyPolicyPanel() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  // The box shows the choice at once; the stored policy takes over again when the answer comes.
  const [chosen, setChosen] = useState<boolean | null>(null);
  const policy = useQuery({
    queryKey: ['passkey-policy'],
    queryFn: () => answer(http.GET('/api/auth/passkey-policy')),
  });
  const save = useMutation({
    mutationFn: (requireForRedRoles: boolean) =>
      answer(http.PUT('/api/auth/passkey-policy', { body: { requireForRedRoles } })),
    onSettled: () => setChosen(null),
    onSuccess: async (next) => {
      qc.setQueryData(['passkey-policy'], next);
      await qc.invalidateQueries({ queryKey: ['me'] });
      await qc.invalidateQueries({ queryKey: ['passkeys'] });
    },
  });
  const p = policy.data;
  return (
    <Panel title={t('passkey.policy.title')} id="passkey-policy">
      <QueryState isLoading={policy.isLoading} error={policy.error}>
        {p && (
          <div className="stack-sm">
            <p>{t('passkey.policy.help')}</p>
            <label className="check">
              <input
                type="checkbox"
                checked={chosen ?? p.requireForRedRoles}
                disabled={!p.canChange || save.isPending}
                onChange={(e) => {
                  setChosen(e.target.checked);
                  save.mutate(e.target.checked);
                }}
                data-testid="passkey-policy-toggle"
              />
              <span>{t('passkey.policy.require')}</span>
            </label>
            <p className="faint small">
              {t('passkey.policy.roles', { roles: p.coveredRoles.map((r) => t(`roles.${r}`)).join(', ') })}
            </p>
            {p.updatedAt && p.updatedBy && (
              <p className="faint small">
                {t('passkey.policy.changed', { by: p.updatedBy })} <DateTime at={p.updatedAt} />
              </p>
            )}
            {!p.canChange && <p className="muted small">{t('passkey.policy.readOnly')}</p>}
            {save.isSuccess && (
              <span className="faint" role="status">
                {t('passkey.policy.saved')}
              </span>
            )}
            <ErrorSummary error={save.error} />
          </div>
        )}
      </QueryState>
    </Panel>
  );
}
