import { describe, expect, it } from 'vitest';
import { goodObjects, T0, T1, TLP_AMBER_ID } from './test-objects.js';
import { tlpOfMarkings } from './types.js';
import { validateStixObject } from './validate.js';

function issuesOf(obj: unknown): { path: string; code: string }[] {
  const r = validateStixObject(obj);
  return r.ok ? [] : r.issues.map(({ path, code }) => ({ path, code }));
}

const good = goodObjects();
const with_ = (name: string, patch: Record<string, unknown>): Record<string, unknown> => ({ ...good[name], ...patch });
const without = (name: string, prop: string): Record<string, unknown> => {
  const { [prop]: _dropped, ...rest } = good[name]!;
  return rest;
};

describe('validateStixObject', () => {
  it.each(Object.keys(good))('accepts the valid %s example', (name) => {
    expect(issuesOf(good[name])).toEqual([]);
  });

  it('rejects non-objects and names the missing common properties', () => {
    expect(issuesOf(null)[0]?.code).toBe('not_object');
    expect(issuesOf({}).map((i) => i.path)).toEqual(expect.arrayContaining(['type', 'id']));
  });

  it('checks type syntax, spec_version and the id shape', () => {
    expect(issuesOf(with_('malware', { type: 'Malware' }))).toContainEqual({ path: 'type', code: 'type_syntax' });
    expect(issuesOf(with_('malware', { spec_version: '2.0' }))).toContainEqual({
      path: 'spec_version',
      code: 'spec_version',
    });
    expect(issuesOf(without('malware', 'spec_version'))).toContainEqual({ path: 'spec_version', code: 'required' });
    expect(issuesOf(without('domain', 'spec_version'))).toEqual([]); // SCOs default to 2.1
    expect(issuesOf(with_('malware', { id: 'malware--1234' }))).toContainEqual({ path: 'id', code: 'identifier' });
    expect(issuesOf(with_('malware', { id: 'campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f' }))).toContainEqual({
      path: 'id',
      code: 'id_type_mismatch',
    });
    // The RFC 4122 variant nibble must be 8–b.
    expect(issuesOf(with_('malware', { id: 'malware--31b940d4-6f7f-459a-c0ea-9c1f17b5891b' }))).toContainEqual({
      path: 'id',
      code: 'identifier',
    });
    // SCO ids are UUIDv5 (deterministic) and are fine.
    expect(issuesOf(good.domain)).toEqual([]);
  });

  it('accepts identifiers whose UUID is written in upper-case hex (as the OASIS validator does), refs and markings too', () => {
    const up = (id: string) => id.replace(/--(.*)$/, (_m, uuid: string) => `--${uuid.toUpperCase()}`);
    expect(issuesOf(with_('malware', { id: 'malware--31B940D4-6F7F-459A-80EA-9C1F17B5891B' }))).toEqual([]);
    expect(
      issuesOf(
        with_('relationship', {
          id: up(good.relationship!.id),
          source_ref: up(good.indicator!.id),
          target_ref: up(good.malware!.id),
        }),
      ),
    ).toEqual([]);
    expect(
      issuesOf(
        with_('indicator', {
          object_marking_refs: [up(TLP_AMBER_ID)],
          created_by_ref: 'identity--8E2E2D2B-17D4-4CBF-938F-98EE46B3CD3F',
        }),
      ),
    ).toEqual([]);
    // The predefined TLP marking definitions are recognised whatever the case of their id.
    expect(issuesOf({ ...good.tlp2Amber, id: up(TLP_AMBER_ID) })).toEqual([]);
    expect(issuesOf({ ...good.tlp1Green, id: up(good.tlp1Green!.id) })).toEqual([]);
    // The type part stays lower case, and the UUID must still be one.
    expect(issuesOf(with_('malware', { id: 'MALWARE--31B940D4-6F7F-459A-80EA-9C1F17B5891B' }))).toContainEqual({
      path: 'id',
      code: 'identifier',
    });
    expect(issuesOf(with_('malware', { id: 'malware--31B940D4-6F7F-459A-C0EA-9C1F17B5891B' }))).toContainEqual({
      path: 'id',
      code: 'identifier',
    });
  });

  it('reads the TLP of upper-case marking refs like the lower-case ones', () => {
    expect(tlpOfMarkings(['marking-definition--E828B379-4E03-4974-9AC4-E53A884C97C1'])).toBe('RED');
    expect(
      tlpOfMarkings([
        'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
        'MARKING-DEFINITION--55D920B0-5E8B-4F79-9EE9-91F868D9B421',
      ]),
    ).toBe('AMBER');
  });

  it('requires millisecond-precision UTC created/modified with created ≤ modified', () => {
    expect(issuesOf(with_('campaign', { created: '2026-01-10T08:00:00Z' }))).toContainEqual({
      path: 'created',
      code: 'timestamp_precision',
    });
    expect(issuesOf(with_('campaign', { modified: '2026-01-10T08:00:00.000+08:00' }))).toContainEqual({
      path: 'modified',
      code: 'timestamp',
    });
    expect(issuesOf(with_('campaign', { created: '2026-02-30T08:00:00.000Z' }))).toContainEqual({
      path: 'created',
      code: 'timestamp',
    });
    expect(issuesOf(with_('campaign', { created: T1, modified: T0 }))).toContainEqual({
      path: 'modified',
      code: 'time_order',
    });
    expect(
      issuesOf(with_('campaign', { created: '2026-01-10T08:00:00.0001Z', modified: '2026-01-10T08:00:00.000Z' })),
    ).toContainEqual({ path: 'modified', code: 'time_order' });
    expect(issuesOf(without('campaign', 'modified'))).toContainEqual({ path: 'modified', code: 'required' });
  });

  it('checks the optional common properties', () => {
    expect(
      issuesOf(with_('campaign', { created_by_ref: 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b' })),
    ).toContainEqual({ path: 'created_by_ref', code: 'ref_type' });
    expect(issuesOf(with_('campaign', { confidence: 101 }))).toContainEqual({
      path: 'confidence',
      code: 'integer_range',
    });
    expect(issuesOf(with_('campaign', { confidence: 100, revoked: false, lang: 'zh-Hans', labels: ['x'] }))).toEqual(
      [],
    );
    expect(issuesOf(with_('campaign', { revoked: 'no' }))).toContainEqual({ path: 'revoked', code: 'boolean' });
    expect(issuesOf(with_('campaign', { lang: 'en_US' }))).toContainEqual({ path: 'lang', code: 'language' });
    expect(issuesOf(with_('campaign', { labels: [] }))).toContainEqual({ path: 'labels', code: 'empty_list' });
    expect(
      issuesOf(with_('campaign', { object_marking_refs: ['identity--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f'] })),
    ).toContainEqual({ path: 'object_marking_refs[0]', code: 'ref_type' });
    expect(issuesOf(with_('campaign', { external_references: [{ source_name: 'cve' }] }))).toContainEqual({
      path: 'external_references[0]',
      code: 'external_reference',
    });
    expect(
      issuesOf(with_('campaign', { external_references: [{ source_name: 'capec', external_id: 'CAPEC-163' }] })),
    ).toEqual([]);
    expect(
      issuesOf(with_('campaign', { external_references: [{ source_name: 'capec', external_id: '163' }] })),
    ).toContainEqual({ path: 'external_references[0].external_id', code: 'value_format' });
    expect(
      issuesOf(
        with_('campaign', {
          granular_markings: [
            { selectors: ['name'], marking_ref: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da' },
          ],
        }),
      ),
    ).toEqual([]);
    expect(
      issuesOf(
        with_('campaign', {
          granular_markings: [
            {
              selectors: ['name'],
              lang: 'en',
              marking_ref: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
            },
          ],
        }),
      ),
    ).toContainEqual({ path: 'granular_markings[0]', code: 'granular_marking' });
  });

  it('enforces the custom property name rule and reserved names', () => {
    expect(issuesOf(with_('campaign', { x_police_ref: 'A-1' }))).toEqual([]);
    expect(issuesOf(with_('campaign', { 'x-police': 1 }))).toContainEqual({ path: 'x-police', code: 'property_name' });
    expect(issuesOf(with_('campaign', { xy: 1 }))).toContainEqual({ path: 'xy', code: 'property_name' });
    expect(issuesOf(with_('campaign', { severity: 'high' }))).toContainEqual({
      path: 'severity',
      code: 'reserved_property',
    });
  });

  it('checks indicators: pattern, pattern_type, valid_from < valid_until, pattern parses', () => {
    expect(issuesOf(without('indicator', 'pattern'))).toContainEqual({ path: 'pattern', code: 'required' });
    expect(issuesOf(without('indicator', 'pattern_type'))).toContainEqual({ path: 'pattern_type', code: 'required' });
    expect(issuesOf(without('indicator', 'valid_from'))).toContainEqual({ path: 'valid_from', code: 'required' });
    expect(issuesOf(with_('indicator', { valid_until: T0 }))).toContainEqual({
      path: 'valid_until',
      code: 'time_order',
    });
    expect(issuesOf(with_('indicator', { pattern: "[domain-name:value = 'x'" }))).toContainEqual({
      path: 'pattern',
      code: 'pattern',
    });
    expect(issuesOf(with_('indicator', { pattern: 'alert tcp any any', pattern_type: 'snort' }))).toEqual([]);
  });

  it('checks observed-data counts, times and refs', () => {
    expect(issuesOf(with_('observedData', { number_observed: 0 }))).toContainEqual({
      path: 'number_observed',
      code: 'integer_range',
    });
    expect(issuesOf(with_('observedData', { number_observed: 1_000_000_000 }))).toContainEqual({
      path: 'number_observed',
      code: 'integer_range',
    });
    expect(issuesOf(with_('observedData', { first_observed: T1, last_observed: T0 }))).toContainEqual({
      path: 'last_observed',
      code: 'time_order',
    });
    expect(issuesOf(without('observedData', 'object_refs'))).toContainEqual({ path: 'object_refs', code: 'required' });
    expect(issuesOf(with_('observedData', { object_refs: [] }))).toContainEqual({
      path: 'object_refs',
      code: 'empty_list',
    });
  });

  it('requires names where STIX does', () => {
    expect(issuesOf(without('malware', 'name'))).toContainEqual({ path: 'name', code: 'required' });
    expect(issuesOf({ ...without('malware', 'name'), is_family: false })).toEqual([]);
    expect(issuesOf(without('malware', 'is_family'))).toContainEqual({ path: 'is_family', code: 'required' });
    for (const name of ['campaign', 'threatActor', 'infrastructure'])
      expect(issuesOf(without(name, 'name'))).toContainEqual({ path: 'name', code: 'required' });
    expect(issuesOf(with_('campaign', { first_seen: T1, last_seen: T0 }))).toContainEqual({
      path: 'last_seen',
      code: 'time_order',
    });
  });

  it('checks relationships and sightings', () => {
    expect(issuesOf(without('relationship', 'relationship_type'))).toContainEqual({
      path: 'relationship_type',
      code: 'required',
    });
    expect(
      issuesOf(with_('relationship', { target_ref: 'relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad' })),
    ).toContainEqual({ path: 'target_ref', code: 'ref_type' });
    expect(issuesOf(with_('relationship', { start_time: T1, stop_time: T1 }))).toContainEqual({
      path: 'stop_time',
      code: 'time_order',
    });
    expect(issuesOf(without('sighting', 'sighting_of_ref'))).toContainEqual({
      path: 'sighting_of_ref',
      code: 'required',
    });
    expect(issuesOf(with_('sighting', { count: -1 }))).toContainEqual({ path: 'count', code: 'integer_range' });
    expect(issuesOf(with_('sighting', { first_seen: T1, last_seen: T0 }))).toContainEqual({
      path: 'last_seen',
      code: 'time_order',
    });
    expect(
      issuesOf(with_('sighting', { sighting_of_ref: 'ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd' })),
    ).toContainEqual({ path: 'sighting_of_ref', code: 'ref_type' });
  });

  it('checks marking definitions: statements and TLP by their predefined ids', () => {
    expect(issuesOf({ ...good.statement, definition: {} })).toContainEqual({
      path: 'definition.statement',
      code: 'required',
    });
    expect(
      issuesOf({ ...good.tlp1Green, id: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e4fff' }),
    ).toContainEqual({ path: 'definition.tlp', code: 'marking_definition' });
    const ext = {
      'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': {
        extension_type: 'property-extension',
        tlp_2_0: 'red',
      },
    };
    expect(issuesOf({ ...good.tlp2Amber, extensions: ext })).toContainEqual({
      path: 'extensions',
      code: 'marking_definition',
    });
  });

  it('checks SCO values', () => {
    expect(issuesOf(with_('ipv4', { value: '300.1.1.1' }))).toContainEqual({ path: 'value', code: 'value_format' });
    expect(issuesOf(with_('ipv4', { value: '10.0.0.0/8' }))).toEqual([]);
    expect(issuesOf(with_('ipv4', { value: '10.0.0.0/33' }))).toContainEqual({ path: 'value', code: 'value_format' });
    expect(issuesOf(with_('ipv6', { value: '10.0.0.1' }))).toContainEqual({ path: 'value', code: 'value_format' });
    expect(issuesOf(with_('domain', { value: 'a b.com' }))).toContainEqual({ path: 'value', code: 'value_format' });
    expect(issuesOf(with_('url', { value: 'not a url' }))).toContainEqual({ path: 'value', code: 'value_format' });
    expect(issuesOf(with_('email', { value: 'john.example.com' }))).toContainEqual({
      path: 'value',
      code: 'value_format',
    });
    expect(issuesOf(with_('mac', { value: 'D2:FB:49:24:37:18' }))).toContainEqual({
      path: 'value',
      code: 'value_format',
    });
    expect(issuesOf(with_('as', { number: -1 }))).toContainEqual({ path: 'number', code: 'integer_range' });
    expect(issuesOf({ ...without('file', 'name'), hashes: { MD5: 'xyz' } })).toContainEqual({
      path: 'hashes.MD5',
      code: 'hash',
    });
    expect(issuesOf({ type: 'file', id: 'file--e277603e-1060-5ad4-9937-c26c97f1ca68' })).toContainEqual({
      path: 'hashes',
      code: 'at_least_one',
    });
    expect(issuesOf(without('networkTraffic', 'src_ref'))).toContainEqual({ path: 'src_ref', code: 'at_least_one' });
    expect(issuesOf(with_('networkTraffic', { dst_port: 70000 }))).toContainEqual({
      path: 'dst_port',
      code: 'integer_range',
    });
    expect(issuesOf(without('networkTraffic', 'protocols'))).toContainEqual({ path: 'protocols', code: 'required' });
    expect(issuesOf({ type: 'x509-certificate', id: good.x509!.id })).toContainEqual({
      path: 'hashes',
      code: 'at_least_one',
    });
    expect(issuesOf(with_('x509', { validity_not_after: '2015-01-01T00:00:00Z' }))).toContainEqual({
      path: 'validity_not_after',
      code: 'time_order',
    });
    expect(issuesOf(with_('userAccount', { is_disabled: 'yes' }))).toContainEqual({
      path: 'is_disabled',
      code: 'boolean',
    });
  });

  it('gives each issue a message in both languages and names the object', () => {
    const r = validateStixObject(with_('campaign', { confidence: 200 }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.id).toBe(good.campaign!.id);
    expect(r.type).toBe('campaign');
    expect(r.issues[0]!.message.en).toMatch(/confidence/);
    expect(r.issues[0]!.message.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});
