// STIX 2.1 §6 rules for the Cyber-observable Objects Crossline correlates (docs/spec.md §5.1); other
// SCO types get the common checks only.
import { isIP } from 'node:net';
import { Checker, isObj } from './checker.js';

type Rule = (c: Checker) => void;

// Hex lengths of the hash-algorithm-ov entries with a fixed size; others (SSDEEP, TLSH, custom) pass as text.
const HASH_HEX_LENGTHS: Record<string, number> = {
  MD5: 32,
  'SHA-1': 40,
  'SHA-256': 64,
  'SHA-512': 128,
  'SHA3-256': 64,
  'SHA3-512': 128,
};

function cidrOk(value: string, family: 4 | 6): boolean {
  const [addr, prefix, extra] = value.split('/');
  if (extra !== undefined || addr === undefined || isIP(addr) !== family) return false;
  if (prefix === undefined) return true;
  const n = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && n >= 0 && n <= (family === 4 ? 32 : 128);
}

export function checkHashes(c: Checker, prop: string, required = false): void {
  const h = c.obj[prop];
  if (h === undefined) {
    if (required) c.add(prop, 'required');
    return;
  }
  if (!isObj(h) || Object.keys(h).length === 0) {
    c.add(prop, 'dictionary');
    return;
  }
  for (const [alg, value] of Object.entries(h)) {
    const len = HASH_HEX_LENGTHS[alg];
    if (
      typeof value !== 'string' ||
      value === '' ||
      alg.length > 250 ||
      (len !== undefined && !new RegExp(`^[0-9a-fA-F]{${len}}$`).test(value))
    )
      c.add(`${prop}.${alg}`, 'hash', `${prop}.${alg}`);
  }
}

const RULES: Record<string, Rule> = {
  'ipv4-addr': (c) => {
    const v = c.string('value', true);
    if (v !== undefined && !cidrOk(v, 4)) c.add('value', 'value_format');
  },
  'ipv6-addr': (c) => {
    const v = c.string('value', true);
    if (v !== undefined && !cidrOk(v, 6)) c.add('value', 'value_format');
  },
  'domain-name': (c) => {
    const v = c.string('value', true);
    if (v !== undefined && (/[\s/@]/.test(v) || v.length > 253)) c.add('value', 'value_format');
  },
  url: (c) => {
    const v = c.string('value', true);
    if (v !== undefined && !URL.canParse(v)) c.add('value', 'value_format');
  },
  'email-addr': (c) => {
    const v = c.string('value', true);
    if (v !== undefined && !/^[^\s@]+@[^\s@]+$/.test(v)) c.add('value', 'value_format');
    c.string('display_name');
    c.ref('belongs_to_ref', ['user-account']);
  },
  'mac-addr': (c) => {
    const v = c.string('value', true);
    // STIX 2.1 §6.8: lowercase, colon-delimited, with leading zeros.
    if (v !== undefined && !/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(v)) c.add('value', 'value_format');
  },
  'autonomous-system': (c) => {
    c.integer('number', 0, 4_294_967_295, true);
    c.string('name');
    c.string('rir');
  },
  file: (c) => {
    if (!c.has('hashes') && !c.has('name')) c.add('hashes', 'at_least_one', 'hashes, name');
    checkHashes(c, 'hashes');
    c.string('name');
    c.integer('size', 0, Number.MAX_SAFE_INTEGER);
    c.timestamp('ctime');
    c.timestamp('mtime');
    c.timestamp('atime');
    c.ref('parent_directory_ref', ['directory']);
    c.ref('content_ref', ['artifact']);
  },
  'network-traffic': (c) => {
    if (!c.has('src_ref') && !c.has('dst_ref')) c.add('src_ref', 'at_least_one', 'src_ref, dst_ref');
    const addr = ['ipv4-addr', 'ipv6-addr', 'mac-addr', 'domain-name'];
    c.ref('src_ref', addr);
    c.ref('dst_ref', addr);
    c.stringList('protocols', true);
    c.integer('src_port', 0, 65535);
    c.integer('dst_port', 0, 65535);
    c.timestamp('start');
    c.timestamp('end');
    c.order('start', 'end');
    if (c.obj.is_active === true && c.has('end')) c.add('end', 'exclusive', 'is_active, end');
    c.boolean('is_active');
  },
  'user-account': (c) => {
    for (const p of ['user_id', 'credential', 'account_login', 'account_type', 'display_name']) c.string(p);
    for (const p of ['is_service_account', 'is_privileged', 'can_escalate_privs', 'is_disabled']) c.boolean(p);
    for (const p of [
      'account_created',
      'account_expires',
      'credential_last_changed',
      'account_first_login',
      'account_last_login',
    ])
      c.timestamp(p);
  },
  'x509-certificate': (c) => {
    const own = [
      'is_self_signed',
      'hashes',
      'version',
      'serial_number',
      'signature_algorithm',
      'issuer',
      'validity_not_before',
      'validity_not_after',
      'subject',
      'subject_public_key_algorithm',
      'subject_public_key_modulus',
      'subject_public_key_exponent',
      'x509_v3_extensions',
    ];
    if (!own.some((p) => c.has(p))) c.add('hashes', 'at_least_one', own.join(', '));
    c.boolean('is_self_signed');
    checkHashes(c, 'hashes');
    for (const p of ['version', 'serial_number', 'signature_algorithm', 'issuer', 'subject']) c.string(p);
    c.timestamp('validity_not_before');
    c.timestamp('validity_not_after');
    c.order('validity_not_before', 'validity_not_after');
  },
};

export function checkScoRules(c: Checker, type: string): void {
  c.boolean('defanged');
  RULES[type]?.(c);
}
