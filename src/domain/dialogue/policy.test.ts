import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { ROLES } from '../shared/roles.js';
import { DIALOGUE_EDITORS, DIALOGUE_POLICY, canDialogue, requireDialogueAccess } from './policy.js';
import { CN, EU, US, peer, system, user } from './test-fixtures.js';

const record = { parties: [CN, US], ownerParty: US };

describe('dialogue policy', () => {
  it('lets every role of a taking-part party read, and no outsider', () => {
    for (const role of ROLES) {
      expect(canDialogue(user(CN, [role]), 'view', record)).toBe(true);
      expect(canDialogue(user(EU, [role]), 'view', record)).toBe(false);
    }
  });

  it('lets only supervisors, admins and points of contact edit', () => {
    for (const role of ROLES) {
      expect(canDialogue(user(CN, [role]), 'update_meeting', record)).toBe(DIALOGUE_EDITORS.includes(role));
    }
  });

  it('keeps progress reports to the owning party', () => {
    expect(canDialogue(user(US, ['point_of_contact']), 'complete_action_item', record)).toBe(true);
    expect(canDialogue(user(CN, ['admin']), 'complete_action_item', record)).toBe(false);
    expect(canDialogue(user(CN, ['admin']), 'reopen_action_item', record)).toBe(true);
  });

  it('never lets the system edit, and lets a peer only mirror records it shares', () => {
    for (const action of Object.keys(DIALOGUE_POLICY) as (keyof typeof DIALOGUE_POLICY)[]) {
      expect(canDialogue(system(CN), action, record)).toBe(false);
      expect(canDialogue(peer(EU), action, record)).toBe(false);
    }
    expect(canDialogue(peer(US), 'update_meeting', record)).toBe(true);
    expect(canDialogue(peer(US), 'create_meeting')).toBe(false);
  });

  it('checks roles alone when there is no record', () => {
    expect(canDialogue(user(EU, ['supervisor']), 'create_meeting')).toBe(true);
    expect(canDialogue(user(EU, ['analyst']), 'create_meeting')).toBe(false);
  });

  it('requireDialogueAccess throws DIALOGUE_FORBIDDEN', () => {
    expect(() => requireDialogueAccess(user(CN, ['admin']), 'view', record)).not.toThrow();
    try {
      requireDialogueAccess(user(EU, ['admin']), 'view', record);
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe('DIALOGUE_FORBIDDEN');
      expect((e as AppError).status).toBe(403);
    }
  });
});
