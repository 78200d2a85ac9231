// Builders for valid inputs, so tests state only what they are about.
export function preservationDraft(overrides: Record<string, unknown> = {}) {
  return {
    type: 'preservation',
    requestedParty: 'us-demo',
    caseRef: 'CN-CASE-2026-0007',
    subject: { en: 'Preserve mailbox used in investment fraud', zh: '保全投资诈骗所用邮箱' },
    crimeCategory: 'online_fraud',
    facts:
      'Victims in Shenzhen transferred funds after instructions sent from this mailbox between 1 and 20 March 2026.',
    dataRequested: 'All stored content, subscriber records and login IP logs of the account.',
    identifiers: [
      {
        kind: 'email',
        value: 'lucky.invest88@example.com',
        from: '2026-03-01T00:00:00+08:00',
        to: '2026-03-20T23:59:59+08:00',
        timeZone: 'Asia/Shanghai',
        service: 'Example Mail',
      },
    ],
    legalBasis: 'coe_budapest_art29',
    urgency: 'urgent',
    confidentiality: 'confidential',
    contactOfficer: { name: 'Li Qiang 李强', email: 'li.qiang@cn-demo.example', phone: '+86 10 5555 0101' },
    details: {
      preservation: {
        dataToPreserve: 'Mailbox content, subscriber information, IP logs',
        provider: 'Example Mail Inc.',
      },
    },
    ...overrides,
  };
}
