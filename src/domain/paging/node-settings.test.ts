import { describe, expect, it } from 'vitest';
import {
  NO_OVERRIDES,
  ZPagingNodeSettingsUpdateSchema,
  applyPagingNodeUpdate,
  changedPagingKeys,
  effectivePaging,
  isWebhookHostEntry,
  pagingNodeSettingsIssues,
  type PagingConfigValues,
} from './node-settings.js';

const config: PagingConfigValues = {
  smtpHost: 'relay.mps.example',
  smtpPort: 587,
  smtpSecurity: 'starttls',
  smtpFrom: 'Crossline <p@mps.example>',
  smtpUser: 'u',
  smtpPassword: 'pw',
  pagingContent: ['reference', 'urgency', 'deadline'],
  pagingWebhookHosts: ['gw.mps.example'],
  pagingDeadlineSoonHours: 4,
};

describe('node paging settings', () => {
  it('takes the configuration where the database sets nothing, and never carries the password', () => {
    const e = effectivePaging(config, NO_OVERRIDES);
    expect(e).toMatchObject({
      smtp: { host: 'relay.mps.example', port: 587, user: 'u', hasPassword: true },
      deadlineSoonHours: 4,
      overridden: [],
    });
    expect(JSON.stringify(e)).not.toContain('pw');
  });

  it('lets stored values override, null go back to the configuration, and names what changed', () => {
    const next = applyPagingNodeUpdate(NO_OVERRIDES, {
      smtpPort: 2525,
      webhookHosts: ['GW.sms.example', 'gw.sms.example'],
      content: ['title', 'reference'],
    });
    expect(next).toMatchObject({ smtpPort: 2525, webhookHosts: ['gw.sms.example'], content: ['reference', 'title'] });
    expect(effectivePaging(config, next)).toMatchObject({
      smtp: { port: 2525 },
      webhookHosts: ['gw.sms.example'],
      overridden: ['smtpPort', 'content', 'webhookHosts'],
    });
    expect(changedPagingKeys(NO_OVERRIDES, next)).toEqual(['smtpPort', 'content', 'webhookHosts']);
    const back = applyPagingNodeUpdate(next, { smtpPort: null });
    expect(effectivePaging(config, back).smtp.port).toBe(587);
    expect(changedPagingKeys(next, back)).toEqual(['smtpPort']);
  });

  it('refuses what is not a host, a sender or a sensible port, in both languages', () => {
    expect(isWebhookHostEntry('gw.mps.example')).toBe(true);
    expect(isWebhookHostEntry('.mps.example')).toBe(true);
    expect(isWebhookHostEntry('https://gw.mps.example')).toBe(false);
    expect(isWebhookHostEntry('a b')).toBe(false);
    const issues = pagingNodeSettingsIssues({
      webhookHosts: ['ok.example', 'not ok'],
      smtpFrom: 'nobody',
      smtpSecurity: 'tls',
      smtpPort: 587,
    });
    expect(issues.map((i) => i.path)).toEqual(['webhookHosts.1', 'smtpFrom', 'smtpPort']);
    expect(issues.every((i) => i.message.en && i.message.zh)).toBe(true);
    expect(pagingNodeSettingsIssues({ smtpFrom: 'Crossline CN <pages@mps.example>' })).toEqual([]);
    expect(ZPagingNodeSettingsUpdateSchema.safeParse({ deadlineSoonHours: 0 }).success).toBe(false);
    expect(ZPagingNodeSettingsUpdateSchema.safeParse({ deadlineSoonHours: 169 }).success).toBe(false);
    expect(ZPagingNodeSettingsUpdateSchema.safeParse({ content: ['secrets'] }).success).toBe(false);
  });
});
