// The state of an exercise (draft, running, ended) as a coloured badge.
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge';

const TONES = { draft: 'neutral', running: 'warning', ended: 'success' } as const;

export function StateBadge({ state }: { state: keyof typeof TONES }) {
  const { t } = useTranslation();
  return (
    <Badge tone={TONES[state]} dot>
      {t(`exercise.state.${state}`)}
    </Badge>
  );
}
