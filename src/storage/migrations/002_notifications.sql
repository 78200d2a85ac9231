-- In-app notifications: escalations, overdue deadlines and reminders addressed to a role or a user.
CREATE TABLE notifications (
  id text PRIMARY KEY,
  recipient_role text,
  recipient_user_id text,
  kind text NOT NULL,
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  title jsonb NOT NULL,
  body jsonb NOT NULL,
  severity text NOT NULL,
  created_at timestamptz NOT NULL,
  CHECK (recipient_role IS NOT NULL OR recipient_user_id IS NOT NULL)
);
CREATE INDEX notifications_role_idx ON notifications(recipient_role, created_at DESC);
CREATE INDEX notifications_user_idx ON notifications(recipient_user_id, created_at DESC);

CREATE TABLE notification_reads (
  notification_id text NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
  user_id text NOT NULL,
  read_at timestamptz NOT NULL,
  PRIMARY KEY (notification_id, user_id)
);
