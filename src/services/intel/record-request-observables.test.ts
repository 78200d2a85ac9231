import { describe, expect, it } from 'vitest';
import { requestObservables } from './record-request-observables.js';

type Identifier = Parameters<typeof requestObservables>[0]['identifiers'][number];
const ofIdentifiers = (identifiers: Partial<Identifier>[]) =>
  requestObservables({ identifiers: identifiers as Identifier[] }, 'CN');

describe('requestObservables', () => {
  it('maps observable identifiers to their canonical values', () => {
    expect(
      ofIdentifiers([
        { kind: 'domain', value: 'Lucky-Invest88.example.COM' },
        { kind: 'ip', value: '203.0.113.77' },
        { kind: 'phone', value: '138 0013 8000' },
      ]),
    ).toEqual([
      { type: 'domain', value: 'lucky-invest88.example.com' },
      { type: 'ip', value: '203.0.113.77' },
      { type: 'phone', value: '+8613800138000' },
    ]);
  });

  it('correlates an account when its service or its value names a known platform', () => {
    expect(
      ofIdentifiers([
        { kind: 'account', value: '@Scam_Support', service: 'Telegram' },
        { kind: 'account', value: 'wechat:refund_desk01' },
        { kind: 'account', value: 'https://t.me/otc_helper' },
        { kind: 'account', value: 'refund_desk02', service: '微信' },
      ]),
    ).toEqual([
      { type: 'account_handle', value: 'telegram:scam_support' },
      { type: 'account_handle', value: 'wechat:refund_desk01' },
      { type: 'account_handle', value: 'telegram:otc_helper' },
      { type: 'account_handle', value: 'wechat:refund_desk02' },
    ]);
  });

  it('skips accounts on services that are not platforms, free-form identifiers and CIDR blocks', () => {
    expect(
      ofIdentifiers([
        { kind: 'account', value: '12345', service: 'Example Mail' },
        { kind: 'account', value: 'no-platform' },
        { kind: 'other', value: 'IMEI 35-209900-176148-1' },
        { kind: 'ip', value: '203.0.113.0/24' },
      ]),
    ).toEqual([]);
  });
});
