// Per-type STIX 2.1 rules for the SDOs, SROs and meta objects Crossline exchanges (docs/spec.md §5.1).
import { Checker, identifierType, isObj } from './checker.js';
import { parsePattern } from './pattern.js';
import { checkScoRules } from './validate-sco.js';
import { stixIdKey } from './ids.js';
import { kindOf, TLP2_EXTENSION_ID, TLP2_MARKING_ID_OF, TLP_MARKING_IDS } from './types.js';

type Rule = (c: Checker) => void;

const named: Rule = (c) => {
  c.string('name', true);
};
const seen: Rule = (c) => {
  c.timestamp('first_seen');
  c.timestamp('last_seen');
  c.order('first_seen', 'last_seen');
};

// Refs of SROs may point to SDOs and SCOs (and custom objects), never to other SROs or meta objects.
const NOT_RELATABLE = new Set([
  'relationship',
  'sighting',
  'marking-definition',
  'language-content',
  'extension-definition',
  'bundle',
]);

const RULES: Record<string, Rule> = {
  indicator: (c) => {
    const pattern = c.string('pattern', true);
    const patternType = c.string('pattern_type', true);
    c.timestamp('valid_from', true);
    c.timestamp('valid_until');
    c.order('valid_from', 'valid_until', true);
    c.stringList('indicator_types');
    checkKillChain(c);
    if (pattern !== undefined && patternType === 'stix') {
      const parsed = parsePattern(pattern);
      if (!parsed.ok) c.add('pattern', 'pattern', parsed.error);
    }
  },
  'observed-data': (c) => {
    c.timestamp('first_observed', true);
    c.timestamp('last_observed', true);
    c.order('first_observed', 'last_observed');
    c.integer('number_observed', 1, 999_999_999, true);
    // STIX 2.1 keeps the deprecated embedded `objects` only as an alternative to object_refs.
    if (c.has('object_refs') && c.has('objects')) c.add('objects', 'exclusive', 'object_refs, objects');
    else if (!c.has('objects')) c.refList('object_refs', undefined, true);
  },
  malware: (c) => {
    const isFamily = c.boolean('is_family', true);
    if (isFamily === true) c.string('name', true);
    else c.string('name');
    seen(c);
    checkKillChain(c);
  },
  campaign: (c) => {
    named(c);
    seen(c);
  },
  'threat-actor': (c) => {
    named(c);
    seen(c);
  },
  'intrusion-set': (c) => {
    named(c);
    seen(c);
  },
  infrastructure: (c) => {
    named(c);
    seen(c);
    checkKillChain(c);
  },
  'attack-pattern': (c) => {
    named(c);
    checkKillChain(c);
  },
  tool: (c) => {
    named(c);
    checkKillChain(c);
  },
  identity: named,
  'course-of-action': named,
  vulnerability: named,
  report: (c) => {
    named(c);
    c.timestamp('published', true);
    c.refList('object_refs', undefined, true);
  },
  grouping: (c) => {
    c.string('context', true);
    c.refList('object_refs', undefined, true);
  },
  note: (c) => {
    c.string('content', true);
    c.refList('object_refs', undefined, true);
  },
  opinion: (c) => {
    c.string('opinion', true);
    c.refList('object_refs', undefined, true);
  },
  relationship: (c) => {
    const rt = c.string('relationship_type', true);
    if (rt !== undefined && !/^[a-z0-9-]+$/.test(rt)) c.add('relationship_type', 'value_format');
    for (const prop of ['source_ref', 'target_ref']) {
      c.ref(prop, undefined, true);
      const t = identifierType(c.obj[prop]);
      if (t && NOT_RELATABLE.has(t)) c.add(prop, 'ref_type');
    }
    c.timestamp('start_time');
    c.timestamp('stop_time');
    c.order('start_time', 'stop_time', true);
  },
  sighting: (c) => {
    c.ref('sighting_of_ref', undefined, true);
    const t = identifierType(c.obj.sighting_of_ref);
    if (t && kindOf(t) !== 'sdo' && kindOf(t) !== 'custom') c.add('sighting_of_ref', 'ref_type');
    c.integer('count', 0, 999_999_999);
    seen(c);
    c.refList('observed_data_refs', ['observed-data']);
    c.refList('where_sighted_refs', ['identity', 'location']);
    c.boolean('summary');
  },
  'marking-definition': checkMarkingDefinition,
};

export function checkTypeRules(c: Checker, type: string): void {
  if (kindOf(type) === 'sco') {
    checkScoRules(c, type);
    return;
  }
  RULES[type]?.(c);
}

function checkKillChain(c: Checker): void {
  const k = c.obj.kill_chain_phases;
  if (k === undefined) return;
  if (!Array.isArray(k)) {
    c.add('kill_chain_phases', 'list');
    return;
  }
  k.forEach((p: unknown, i) => {
    if (!isObj(p) || typeof p.kill_chain_name !== 'string' || typeof p.phase_name !== 'string')
      c.add(`kill_chain_phases[${i}]`, 'value_format');
  });
}

const TLP1_NAMES: Record<string, string> = { white: 'CLEAR', green: 'GREEN', amber: 'AMBER', red: 'RED' };

// A marking definition is a statement, a TLP 1.0 marking (predefined id only), or a TLP 2.0
// marking carried by the FIRST extension (predefined id, matching `tlp_2_0` value).
function checkMarkingDefinition(c: Checker): void {
  const o = c.obj;
  // Ids (and the extension's id used as a key) compare case-insensitively, as everywhere else.
  const id = typeof o.id === 'string' ? stixIdKey(o.id) : '';
  const extKey = isObj(o.extensions)
    ? Object.keys(o.extensions).find((k) => stixIdKey(k) === TLP2_EXTENSION_ID)
    : undefined;
  const ext = isObj(o.extensions) && extKey !== undefined ? o.extensions[extKey] : undefined;
  if (ext !== undefined) {
    const level = isObj(ext) && typeof ext.tlp_2_0 === 'string' ? ext.tlp_2_0.toUpperCase() : '';
    const expectedId = (TLP2_MARKING_ID_OF as Record<string, string>)[level];
    if (!isObj(ext) || ext.extension_type !== 'property-extension' || expectedId === undefined || expectedId !== id)
      c.add('extensions', 'marking_definition', 'TLP 2.0 marking must use its predefined id and tlp_2_0 value');
    return;
  }
  if (o.definition_type === undefined) {
    if (!c.has('extensions')) c.add('definition_type', 'required');
    return;
  }
  if (!isObj(o.definition)) {
    c.add('definition', 'required');
    return;
  }
  if (o.definition_type === 'statement') {
    if (typeof o.definition.statement !== 'string' || o.definition.statement === '')
      c.add('definition.statement', 'required');
  } else if (o.definition_type === 'tlp') {
    const tlp = o.definition.tlp;
    if (typeof tlp !== 'string' || !TLP1_NAMES[tlp] || TLP_MARKING_IDS[id] !== TLP1_NAMES[tlp])
      c.add('definition.tlp', 'marking_definition', 'TLP 1.0 marking must use its predefined id');
  }
}
