-- Paging settings of the node that an administrator changes in the web app (issue 19): one row; a
-- NULL column means "the configuration's value" (smtpHost, pagingContent, pagingWebhookHosts, …).
-- The SMTP password is never stored here: it stays in the environment.
CREATE TABLE paging_node_settings (
  id integer PRIMARY KEY CHECK (id = 1),
  smtp_host text,
  smtp_port integer,
  smtp_security text CHECK (smtp_security IN ('starttls', 'tls', 'none')),
  smtp_from text,
  content text[],
  webhook_hosts text[],
  deadline_soon_hours integer,
  updated_at timestamptz NOT NULL,
  updated_by text
);

-- Pages held back by a recipient's quiet hours wait in the outbox until the quiet hours end.
ALTER TABLE page_outbox ADD COLUMN held_until timestamptz;
