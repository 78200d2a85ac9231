// Small valid STIX 2.1 objects for TAXII and intel tests: indicators with a chosen TLP 2.0 marking.
import { randomUUID } from 'node:crypto';

export const TLP2_IDS = {
  CLEAR: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  GREEN: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  AMBER: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  RED: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
} as const;

export type StixSample = Record<string, unknown> & { id: string; modified: string };

export function indicator(
  n: number,
  opts: { tlp?: keyof typeof TLP2_IDS; modified?: string; id?: string } = {},
): StixSample {
  const modified = opts.modified ?? '2026-03-01T10:00:00.000Z';
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: opts.id ?? `indicator--${randomUUID()}`,
    created: '2026-03-01T10:00:00.000Z',
    modified,
    name: `Phishing domain ${n}`,
    pattern: `[domain-name:value = 'phish-${n}.example.com']`,
    pattern_type: 'stix',
    valid_from: '2026-03-01T10:00:00Z',
    indicator_types: ['malicious-activity'],
    ...(opts.tlp ? { object_marking_refs: [TLP2_IDS[opts.tlp]] } : {}),
  };
}
