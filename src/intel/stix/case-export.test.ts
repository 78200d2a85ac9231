import { describe, expect, it } from 'vitest';
import type { ObservableRecord } from '../../domain/case/observables.js';
import { caseObservablesToStix } from './case-export.js';
import { observablesOf } from './observables.js';
import { canonicalJson, scoId, STIX_SCO_NAMESPACE, uuidV5 } from './uuid.js';
import { validateStixObject } from './validate.js';

function observable(over: Partial<ObservableRecord>): ObservableRecord {
  return {
    id: 'obs-1',
    caseId: 'case-1',
    type: 'domain',
    value: 'pay-refund.example',
    display: 'pay-refund.example',
    subtype: null,
    flags: [],
    attributes: {},
    related: [],
    tlp: 'AMBER',
    sources: [],
    tags: [],
    note: null,
    firstSeenAt: '2026-03-01T08:00:00Z',
    lastSeenAt: '2026-03-01T08:00:00Z',
    createdAt: '2026-03-01T08:00:00Z',
    createdBy: 'u1',
    updatedAt: '2026-03-02T08:00:00Z',
    version: 1,
    ...over,
  };
}

describe('STIX ids and case export', () => {
  it('derives SCO ids as STIX 2.1 §2.9 does (UUIDv5 over the canonical id-contributing properties)', () => {
    // RFC 4122 name-based vector (Python's documented uuid5(NAMESPACE_DNS, 'python.org')).
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    expect(canonicalJson({ value: 'x', a: [1, { c: 2, b: 'é' }] })).toBe('{"a":[1,{"b":"é","c":2}],"value":"x"}');
    expect(scoId('ipv4-addr', { value: '198.51.100.3' })).toBe(
      `ipv4-addr--${uuidV5('{"value":"198.51.100.3"}', STIX_SCO_NAMESPACE)}`,
    );
  });

  it('turns observables into valid SCOs, indicators and TLP marking definitions, skipping types STIX cannot carry', () => {
    const { objects, skipped } = caseObservablesToStix('case-1', 'CN-2026-000001', [
      observable({}),
      observable({
        id: 'obs-2',
        type: 'file_hash',
        subtype: 'sha256',
        value: 'a'.repeat(64),
        display: 'a'.repeat(64),
        tlp: 'RED',
      }),
      observable({ id: 'obs-3', type: 'ip', value: '2001:db8::1', display: '2001:db8::1', tags: ['c2'] }),
      observable({ id: 'obs-4', type: 'phone', value: '+8613800138000', display: '+86 138 0013 8000' }),
      observable({ id: 'obs-5', type: 'url', value: "http://x.example/it's", display: "http://x.example/it's" }),
    ]);
    expect(skipped).toEqual([{ id: 'obs-4', type: 'phone' }]);
    for (const o of objects) expect(validateStixObject(o), JSON.stringify(o)).toMatchObject({ ok: true });
    expect(
      objects
        .filter((o) => o.type === 'marking-definition')
        .map((o) => o.name)
        .sort(),
    ).toEqual(['TLP:AMBER', 'TLP:RED']);
    const patterns = objects.filter((o) => o.type === 'indicator').map((o) => o.pattern);
    expect(patterns).toEqual([
      "[domain-name:value = 'pay-refund.example']",
      `[file:hashes.'SHA-256' = '${'a'.repeat(64)}']`,
      "[ipv6-addr:value = '2001:db8::1']",
      "[url:value = 'http://x.example/it\\'s']",
    ]);
    // What correlation reads back from these objects is what the case holds.
    const named = objects.flatMap(observablesOf);
    expect(named).toContainEqual({ type: 'domain', value: 'pay-refund.example' });
    expect(named).toContainEqual({ type: 'file_hash', value: 'a'.repeat(64) });
    expect(named).toContainEqual({ type: 'url', value: "http://x.example/it's" });
  });
});
