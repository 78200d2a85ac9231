// STIX 2.1 object validation (OASIS STIX 2.1 §3 common properties, §4–§7 object rules): returns
// the object when it conforms, or every issue found with the property path it concerns.
import type { Bilingual } from '../../error-types.js';
import { Checker, identifierType, isObj, isTypeName, type Obj } from './checker.js';
import { kindOf, type StixObject } from './types.js';
import { checkTypeRules } from './validate-objects.js';

export type StixIssue = { path: string; code: string; message: Bilingual };

export type StixValidation =
  { ok: true; object: StixObject } | { ok: false; id?: string; type?: string; issues: StixIssue[] };

// STIX 2.1 §3.1: names no object may use (kept for future STIX versions).
const RESERVED_PROPERTIES = new Set([
  'action',
  'addresses',
  'first_seen_refs',
  'last_seen_refs',
  'phone_numbers',
  'severity',
  'usernames',
]);
const PROPERTY_NAME_RE = /^[a-z0-9_]{3,250}$/;
const LANG_RE = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

export function validateStixObject(obj: unknown): StixValidation {
  if (!isObj(obj))
    return {
      ok: false,
      issues: [
        {
          path: '',
          code: 'not_object',
          message: { en: 'A STIX object must be a JSON object.', zh: 'STIX 对象必须是 JSON 对象。' },
        },
      ],
    };
  const c = new Checker(obj);
  const type = typeof obj.type === 'string' ? obj.type : undefined;
  const id = typeof obj.id === 'string' ? obj.id : undefined;
  checkCommon(c, type);
  if (type && isTypeName(type)) checkTypeRules(c, type);
  if (c.issues.length > 0) return { ok: false, ...(id ? { id } : {}), ...(type ? { type } : {}), issues: c.issues };
  return { ok: true, object: obj as StixObject };
}

function checkCommon(c: Checker, type: string | undefined): void {
  const o = c.obj;
  if (type === undefined) c.add('type', 'required');
  else if (!isTypeName(type)) c.add('type', 'type_syntax', type);
  const kind = type ? kindOf(type) : 'custom';
  if (o.id === undefined) c.add('id', 'required');
  else {
    const idType = identifierType(o.id);
    if (!idType) c.add('id', 'identifier');
    else if (type && idType !== type) c.add('id', 'id_type_mismatch', type);
  }
  // SCOs may omit spec_version (it defaults to 2.1); every other object must carry it.
  if (o.spec_version === undefined) {
    if (kind !== 'sco') c.add('spec_version', 'required');
  } else if (o.spec_version !== '2.1') c.add('spec_version', 'spec_version', JSON.stringify(o.spec_version));
  const versioned = kind === 'sdo' || kind === 'sro' || kind === 'meta' || kind === 'custom';
  if (kind === 'sdo' || kind === 'sro' || kind === 'meta') {
    c.timestamp('created', true, true);
    if (type !== 'marking-definition' && type !== 'extension-definition') c.timestamp('modified', true, true);
    else c.timestamp('modified', false, true);
  } else if (versioned) {
    c.timestamp('created', false, true);
    c.timestamp('modified', false, true);
  }
  c.order('created', 'modified');
  c.ref('created_by_ref', ['identity']);
  c.boolean('revoked');
  c.integer('confidence', 0, 100);
  if (o.lang !== undefined && (typeof o.lang !== 'string' || !LANG_RE.test(o.lang))) c.add('lang', 'language');
  c.stringList('labels');
  c.refList('object_marking_refs', ['marking-definition']);
  checkExternalReferences(c);
  checkGranularMarkings(c);
  if (o.extensions !== undefined && (!isObj(o.extensions) || Object.keys(o.extensions).length === 0))
    c.add('extensions', 'dictionary');
  checkPropertyNames(c);
}

function checkExternalReferences(c: Checker): void {
  const refs = c.obj.external_references;
  if (refs === undefined) return;
  if (!Array.isArray(refs)) {
    c.add('external_references', 'list');
    return;
  }
  refs.forEach((r: unknown, i) => {
    const path = `external_references[${i}]`;
    if (
      !isObj(r) ||
      typeof r.source_name !== 'string' ||
      r.source_name === '' ||
      (r.description === undefined && r.url === undefined && r.external_id === undefined)
    ) {
      c.add(path, 'external_reference', path);
      return;
    }
    if (r.url !== undefined && (typeof r.url !== 'string' || !URL.canParse(r.url)))
      c.add(`${path}.url`, 'value_format');
    if (r.source_name === 'capec' && !(typeof r.external_id === 'string' && /^CAPEC-\d+$/.test(r.external_id)))
      c.add(`${path}.external_id`, 'value_format');
    if (r.source_name === 'cve' && !(typeof r.external_id === 'string' && /^CVE-\d{4}-\d{4,}$/.test(r.external_id)))
      c.add(`${path}.external_id`, 'value_format');
  });
}

function checkGranularMarkings(c: Checker): void {
  const gm = c.obj.granular_markings;
  if (gm === undefined) return;
  if (!Array.isArray(gm)) {
    c.add('granular_markings', 'list');
    return;
  }
  gm.forEach((m: unknown, i) => {
    const path = `granular_markings[${i}]`;
    const ok =
      isObj(m) &&
      Array.isArray(m.selectors) &&
      m.selectors.length > 0 &&
      m.selectors.every((s) => typeof s === 'string' && s !== '') &&
      (m.marking_ref === undefined) !== (m.lang === undefined) &&
      (m.marking_ref === undefined || identifierType(m.marking_ref) === 'marking-definition');
    if (!ok) c.add(path, 'granular_marking', path);
  });
}

// Every property name must follow the STIX naming rule (custom ones too), none may be reserved,
// and no list may be empty (STIX 2.1 §2.10: an empty list is the same as an absent property, and is forbidden).
function checkPropertyNames(c: Checker): void {
  for (const [name, value] of Object.entries(c.obj as Obj)) {
    if (name !== 'id' && !PROPERTY_NAME_RE.test(name)) c.add(name, 'property_name', name);
    else if (RESERVED_PROPERTIES.has(name)) c.add(name, 'reserved_property', name);
    if (Array.isArray(value) && value.length === 0) c.add(name, 'empty_list');
  }
}
