// The EXERCISE banner shown on every record a tabletop exercise created, so nobody takes it for real work.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** `outgoing`: this node sent the record, so it directs the exercise and links to its board. */
export function ExerciseBanner({
  exerciseId,
  outgoing,
}: {
  exerciseId: string | null | undefined;
  outgoing?: boolean;
}) {
  const { t } = useTranslation();
  if (!exerciseId) return null;
  return (
    <div
      className="alert warning exercise-banner"
      role="note"
      data-testid="exercise-banner"
      style={{ marginBottom: 'var(--sp-4)' }}
    >
      <div>
        <div className="alert-title">{t('exercise.banner.title')}</div>
        <div>
          {t('exercise.banner.body')}{' '}
          <Link to={outgoing ? `/exercises/${exerciseId}` : `/exercises/participations/${exerciseId}`}>
            {t('exercise.banner.link')}
          </Link>
        </div>
      </div>
    </div>
  );
}

/** The EXERCISE mark on a list row (inbox, hotline list): the record is part of a running exercise. */
export function ExerciseBadge({ exerciseId }: { exerciseId: string | null | undefined }) {
  const { t } = useTranslation();
  if (!exerciseId) return null;
  return (
    <span className="badge warning exercise-badge" data-testid="exercise-badge">
      {t('exercise.badge')}
    </span>
  );
}
