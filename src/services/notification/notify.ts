// Creates notifications inside the caller's transaction (escalations, overdue warnings, reminders),
// and in the same transaction the pages they cause (services/paging: e-mail, webhook), so every
// notification can page and a page exists exactly when its notification committed.
import type { Bilingual } from '../../error-types.js';
import type { Role } from '../../domain/shared/roles.js';
import { newId } from '../../shared/ids.js';
import type { Queryable } from '../../storage/db.js';
import { insertNotification, type NotificationRow } from '../../storage/repositories/notification.repository.js';
import { enqueuePages } from '../paging/enqueue-pages.js';

export type NotifyInput = {
  to: { role: Role } | { userId: string };
  kind: string;
  subjectType: string;
  subjectId: string;
  title: Bilingual;
  body: Bilingual;
  severity: NotificationRow['severity'];
};

export async function notify(tx: Queryable, input: NotifyInput, now: Date): Promise<void> {
  const id = newId();
  await insertNotification(tx, {
    id,
    recipientRole: 'role' in input.to ? input.to.role : null,
    recipientUserId: 'userId' in input.to ? input.to.userId : null,
    kind: input.kind,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    title: input.title,
    body: input.body,
    severity: input.severity,
    createdAt: now.toISOString(),
  });
  await enqueuePages(
    tx,
    {
      id,
      to: input.to,
      kind: input.kind,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      severity: input.severity,
    },
    now,
  );
}
