// The passkey policy's rules: which roles it covers, which second factors a sign-in accepts, who may set it.
import { describe, expect, it } from 'vitest';
import {
  canRemovePasskey,
  canSetPasskeyPolicy,
  mustEnrolPasskey,
  passkeyRequiredFor,
  rolesSeeingRed,
  secondFactors,
  seesRedData,
} from './policy.js';

const ON = { requireForRedRoles: true };
const OFF = { requireForRedRoles: false };

describe('passkey policy', () => {
  it('covers the roles that read TLP-marked records, not the auditor', () => {
    expect(rolesSeeingRed()).toEqual([
      'admin',
      'point_of_contact',
      'investigator',
      'analyst',
      'supervisor',
      'read_only',
    ]);
    expect(seesRedData(['auditor'])).toBe(false);
    expect(seesRedData(['auditor', 'analyst'])).toBe(true);
  });

  it('requires a passkey only while the policy is on and only of covered roles', () => {
    expect(passkeyRequiredFor(ON, ['investigator'])).toBe(true);
    expect(passkeyRequiredFor(OFF, ['investigator'])).toBe(false);
    expect(passkeyRequiredFor(ON, ['auditor'])).toBe(false);
    expect(mustEnrolPasskey(ON, ['investigator'], 0)).toBe(true);
    expect(mustEnrolPasskey(ON, ['investigator'], 1)).toBe(false);
    expect(mustEnrolPasskey(OFF, ['investigator'], 0)).toBe(false);
  });

  it('accepts a passkey beside TOTP, and in TOTP’s place when the policy requires one', () => {
    expect(secondFactors({ totpEnabled: false, passkeyCount: 0, passkeyRequired: false })).toEqual([]);
    expect(secondFactors({ totpEnabled: true, passkeyCount: 0, passkeyRequired: false })).toEqual(['totp']);
    expect(secondFactors({ totpEnabled: false, passkeyCount: 2, passkeyRequired: false })).toEqual(['passkey']);
    expect(secondFactors({ totpEnabled: true, passkeyCount: 1, passkeyRequired: false })).toEqual(['passkey', 'totp']);
    expect(secondFactors({ totpEnabled: true, passkeyCount: 1, passkeyRequired: true })).toEqual(['passkey']);
    // Not enrolled yet: TOTP still signs in (and the user is then sent to add a passkey).
    expect(secondFactors({ totpEnabled: true, passkeyCount: 0, passkeyRequired: true })).toEqual(['totp']);
  });

  it('lets only supervisors and administrators set it', () => {
    expect(canSetPasskeyPolicy(['supervisor'])).toBe(true);
    expect(canSetPasskeyPolicy(['admin'])).toBe(true);
    expect(canSetPasskeyPolicy(['investigator', 'analyst'])).toBe(false);
  });

  it('keeps the last passkey of a covered user', () => {
    expect(canRemovePasskey(ON, ['analyst'], 1)).toBe(false);
    expect(canRemovePasskey(ON, ['analyst'], 2)).toBe(true);
    expect(canRemovePasskey(OFF, ['analyst'], 1)).toBe(true);
    expect(canRemovePasskey(ON, ['auditor'], 1)).toBe(true);
  });
});
