// The legal-basis catalogue: names in both languages, coverage per request type, clocks, approval rules.
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_LEGAL_BASES_BY_TYPE,
  LEGAL_BASES,
  allowedLegalBases,
  getLegalBasis,
  isApprovalRequired,
  isLegalBasisId,
} from './legal-bases.js';
import { REQUEST_TYPES } from './types.js';

const HAN = /\p{Script=Han}/u;

describe('legal-basis catalogue', () => {
  it('holds every instrument of docs/legal-bases.md', () => {
    const ids = LEGAL_BASES.map((b) => b.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'coe_budapest_art29',
        'coe_budapest_art30',
        'coe_budapest_art31',
        'coe_p2_art6',
        'coe_p2_art7',
        'coe_p2_art8',
        'coe_p2_art9',
        'coe_p2_art10',
        'us_2703f',
        'us_2702_emergency',
        'us_cloud_act_2523',
        'cn_us_mlaa',
        'cn_icjal',
        'cn_csl_art28',
        'cn_dsl_art36',
        'cn_pipl_art41',
        'eu_2023_1543_production',
        'eu_2023_1543_preservation',
        'bilateral',
        'other',
      ]),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names each basis in English and Chinese', () => {
    for (const b of LEGAL_BASES) {
      expect(b.name.en.length, b.id).toBeGreaterThan(5);
      expect(HAN.test(b.name.zh), b.id).toBe(true);
      expect(HAN.test(b.shortName.zh), b.id).toBe(true);
      expect(b.appliesTo.length, b.id).toBeGreaterThan(0);
    }
  });

  it('uses the official Chinese title of the PRC–US agreement, authentic in both languages', () => {
    const b = getLegalBasis('cn_us_mlaa');
    expect(b?.name.zh).toBe('中华人民共和国政府和美利坚合众国政府关于刑事司法协助的协定');
    expect(b?.officialIn).toEqual(['en', 'zh']);
    expect(getLegalBasis('cn_icjal')?.name.zh).toBe('中华人民共和国国际刑事司法协助法');
    expect(getLegalBasis('cn_icjal')?.officialIn).toEqual(['zh']);
  });

  it('carries the default clocks of the instruments', () => {
    expect(getLegalBasis('coe_budapest_art29')?.preservation).toEqual({ days: 60, renewalDays: 60, maxRenewals: null });
    expect(getLegalBasis('us_2703f')?.preservation).toEqual({ days: 90, renewalDays: 90, maxRenewals: 1 });
    expect(getLegalBasis('eu_2023_1543_preservation')?.preservation).toEqual({
      days: 60,
      renewalDays: 30,
      maxRenewals: 1,
    });
    expect(getLegalBasis('eu_2023_1543_production')?.responseHours).toEqual({
      routine: 240,
      urgent: 240,
      emergency: 8,
    });
    expect(getLegalBasis('eu_2023_1543_production')?.applicableFrom).toBe('2026-08-18');
  });

  it('marks DSL Art. 36 and PIPL Art. 41 as requiring approval, and emergency-only instruments', () => {
    expect(
      LEGAL_BASES.filter((b) => 'requiresApproval' in b && b.requiresApproval)
        .map((b) => b.id)
        .sort(),
    ).toEqual(['cn_dsl_art36', 'cn_pipl_art41']);
    expect(
      LEGAL_BASES.filter((b) => 'emergencyOnly' in b && b.emergencyOnly)
        .map((b) => b.id)
        .sort(),
    ).toEqual(['coe_p2_art10', 'coe_p2_art9', 'us_2702_emergency']);
  });

  it('knows its ids', () => {
    expect(isLegalBasisId('us_2703f')).toBe(true);
    expect(isLegalBasisId('us_2703')).toBe(false);
    expect(getLegalBasis('nope')).toBeUndefined();
  });
});

describe('allowed legal bases per type', () => {
  it('offers at least the bilateral and other bases for every type', () => {
    for (const t of REQUEST_TYPES) {
      expect(ALLOWED_LEGAL_BASES_BY_TYPE[t]).toEqual(expect.arrayContaining(['bilateral', 'other']));
    }
  });

  it('preservation: Art. 29, 2703(f), EU preservation order, not production orders', () => {
    const ids = ALLOWED_LEGAL_BASES_BY_TYPE.preservation;
    expect(ids).toEqual(
      expect.arrayContaining(['coe_budapest_art29', 'us_2703f', 'eu_2023_1543_preservation', 'cn_us_mlaa']),
    );
    expect(ids).not.toContain('eu_2023_1543_production');
    expect(ids).not.toContain('coe_budapest_art30');
  });

  it('expedited disclosure of preserved traffic data: Art. 30', () => {
    expect(ALLOWED_LEGAL_BASES_BY_TYPE.expedited_disclosure).toContain('coe_budapest_art30');
    expect(ALLOWED_LEGAL_BASES_BY_TYPE.traffic_data).not.toContain('coe_budapest_art30');
  });

  it('emergency disclosure: Protocol Art. 9/10, 2702 emergency, EU production order', () => {
    expect(ALLOWED_LEGAL_BASES_BY_TYPE.emergency_disclosure).toEqual(
      expect.arrayContaining(['coe_p2_art9', 'coe_p2_art10', 'us_2702_emergency', 'eu_2023_1543_production']),
    );
  });

  it('interview: MLA instruments and Protocol Art. 11 (video conferencing)', () => {
    expect(ALLOWED_LEGAL_BASES_BY_TYPE.interview).toEqual(
      expect.arrayContaining(['cn_us_mlaa', 'cn_icjal', 'coe_p2_art11']),
    );
    expect(ALLOWED_LEGAL_BASES_BY_TYPE.interview).not.toContain('us_2703f');
  });

  it('freezing: MLA instruments only', () => {
    expect(ALLOWED_LEGAL_BASES_BY_TYPE.freeze_assets.sort()).toEqual(['bilateral', 'cn_icjal', 'cn_us_mlaa', 'other']);
  });

  it('drops emergency-only bases for non-emergencies when urgency is given', () => {
    const routine = allowedLegalBases('subscriber_info', 'routine').map((b) => b.id);
    const emergency = allowedLegalBases('subscriber_info', 'emergency').map((b) => b.id);
    expect(routine).not.toContain('coe_p2_art10');
    expect(emergency).toContain('coe_p2_art10');
  });
});

describe('isApprovalRequired', () => {
  it('follows the requested party’s configuration for data leaving the country', () => {
    expect(isApprovalRequired('subscriber_info', 'cn_us_mlaa', true)).toBe(true);
    expect(isApprovalRequired('subscriber_info', 'cn_us_mlaa', false)).toBe(false);
  });

  it('is forced on by DSL Art. 36 / PIPL Art. 41', () => {
    expect(isApprovalRequired('content_data', 'cn_dsl_art36', false)).toBe(true);
    expect(isApprovalRequired('traffic_data', 'cn_pipl_art41', false)).toBe(true);
  });

  it('does not apply where no data leaves (preservation, takedown, freezing, interview)', () => {
    for (const t of ['preservation', 'takedown', 'freeze_assets', 'interview'] as const) {
      expect(isApprovalRequired(t, 'cn_us_mlaa', true)).toBe(false);
    }
  });
});
