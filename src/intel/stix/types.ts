// STIX 2.1 object shapes as Crossline reads them: every object keeps all its properties (custom
// ones too); only the common properties are typed, the rest is checked by validate.ts.
import { stixIdKey } from './ids.js';

export type StixObject = {
  type: string;
  id: string;
  spec_version?: string;
  created?: string;
  modified?: string;
  [property: string]: unknown;
};

export type StixBundle = { type: 'bundle'; id: string; objects: StixObject[] };

/** STIX Cyber-observable Object types this node knows (docs/spec.md §5.1); other SCO types pass as generic. */
export const SCO_TYPES = [
  'artifact',
  'autonomous-system',
  'directory',
  'domain-name',
  'email-addr',
  'email-message',
  'file',
  'ipv4-addr',
  'ipv6-addr',
  'mac-addr',
  'mutex',
  'network-traffic',
  'process',
  'software',
  'url',
  'user-account',
  'windows-registry-key',
  'x509-certificate',
] as const;

export const SDO_TYPES = [
  'attack-pattern',
  'campaign',
  'course-of-action',
  'grouping',
  'identity',
  'incident',
  'indicator',
  'infrastructure',
  'intrusion-set',
  'location',
  'malware',
  'malware-analysis',
  'note',
  'observed-data',
  'opinion',
  'report',
  'threat-actor',
  'tool',
  'vulnerability',
] as const;

export const SRO_TYPES = ['relationship', 'sighting'] as const;

/** Meta objects: no `created`/`modified` rules of SDOs for language-content only partly; marking-definition has no `modified`. */
export const META_TYPES = ['marking-definition', 'language-content', 'extension-definition'] as const;

export type ObjectKind = 'sdo' | 'sro' | 'sco' | 'meta' | 'custom';

const SCO_SET = new Set<string>(SCO_TYPES);
const SDO_SET = new Set<string>(SDO_TYPES);
const SRO_SET = new Set<string>(SRO_TYPES);
const META_SET = new Set<string>(META_TYPES);

export function kindOf(type: string): ObjectKind {
  if (SCO_SET.has(type)) return 'sco';
  if (SDO_SET.has(type)) return 'sdo';
  if (SRO_SET.has(type)) return 'sro';
  if (META_SET.has(type)) return 'meta';
  return 'custom';
}

/** TLP 2.0 marking-definition ids (FIRST TLP 2.0 STIX extension) and the TLP 1.0 ones of STIX 2.1 §7.2.1.4. */
export const TLP_MARKING_IDS: Record<string, 'CLEAR' | 'GREEN' | 'AMBER' | 'AMBER+STRICT' | 'RED'> = {
  'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487': 'CLEAR',
  'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb': 'GREEN',
  'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421': 'AMBER',
  'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003': 'AMBER+STRICT',
  'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1': 'RED',
  // TLP 1.0 (STIX 2.1 predefined): WHITE maps to CLEAR.
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'CLEAR',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'GREEN',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'AMBER',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'RED',
};

/** The TLP 2.0 marking-definition id for each level (what export writes). */
export const TLP2_MARKING_ID_OF: Record<'CLEAR' | 'GREEN' | 'AMBER' | 'AMBER+STRICT' | 'RED', string> = {
  CLEAR: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  GREEN: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  AMBER: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  RED: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

/** The id of the FIRST TLP 2.0 extension definition used by TLP 2.0 marking-definitions. */
export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

const TLP_ORDER = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;

/** The most restrictive TLP level among the object's marking refs, if any is a TLP marking. */
export function tlpOfMarkings(refs: unknown): (typeof TLP_ORDER)[number] | null {
  if (!Array.isArray(refs)) return null;
  let best = -1;
  for (const ref of refs) {
    // An upper-case marking id is the same marking: missing it would serve a RED object as unmarked.
    const level = typeof ref === 'string' ? TLP_MARKING_IDS[stixIdKey(ref)] : undefined;
    if (level) best = Math.max(best, TLP_ORDER.indexOf(level));
  }
  return best < 0 ? null : TLP_ORDER[best]!;
}
