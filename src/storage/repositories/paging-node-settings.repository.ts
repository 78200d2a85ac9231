// SQL for the node's paging settings an administrator sets (one row; NULL: the configuration's value).
import { NO_OVERRIDES, type PagingNodeOverrides, type SmtpSecurity } from '../../domain/paging/node-settings.js';
import type { PageContentField } from '../../domain/paging/page-content.js';
import type { Queryable } from '../db.js';

type Row = {
  smtp_host: string | null;
  smtp_port: number | null;
  smtp_security: string | null;
  smtp_from: string | null;
  content: string[] | null;
  webhook_hosts: string[] | null;
  deadline_soon_hours: number | null;
};

export async function findPagingNodeOverrides(db: Queryable, forUpdate = false): Promise<PagingNodeOverrides> {
  const [r] = await db.query<Row>(
    `SELECT smtp_host, smtp_port, smtp_security, smtp_from, content, webhook_hosts, deadline_soon_hours
       FROM paging_node_settings WHERE id = 1${forUpdate ? ' FOR UPDATE' : ''}`,
  );
  if (!r) return { ...NO_OVERRIDES };
  return {
    smtpHost: r.smtp_host,
    smtpPort: r.smtp_port,
    smtpSecurity: r.smtp_security as SmtpSecurity | null,
    smtpFrom: r.smtp_from,
    content: r.content as PageContentField[] | null,
    webhookHosts: r.webhook_hosts,
    deadlineSoonHours: r.deadline_soon_hours,
  };
}

export async function savePagingNodeOverrides(
  tx: Queryable,
  o: PagingNodeOverrides,
  at: string,
  by: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO paging_node_settings (id, smtp_host, smtp_port, smtp_security, smtp_from, content, webhook_hosts, deadline_soon_hours, updated_at, updated_by)
     VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (id) DO UPDATE SET smtp_host = $1, smtp_port = $2, smtp_security = $3, smtp_from = $4, content = $5, webhook_hosts = $6,
       deadline_soon_hours = $7, updated_at = $8, updated_by = $9`,
    [o.smtpHost, o.smtpPort, o.smtpSecurity, o.smtpFrom, o.content, o.webhookHosts, o.deadlineSoonHours, at, by],
  );
}
