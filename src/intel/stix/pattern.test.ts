import { describe, expect, it } from 'vitest';
import { equalityTerms, parsePattern } from './pattern.js';

// Examples from the STIX 2.1 Patterning section (§9) and grammar edge cases.
const VALID = [
  "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
  "[email-message:from_ref.value MATCHES '.+\\\\@example\\\\.com$' AND email-message:body_multipart[*].body_raw_ref.name MATCHES '^Final Report.+\\\\.exe$']",
  "[ipv4-addr:value = '198.51.100.1/32' OR ipv4-addr:value = '203.0.113.33/32' OR ipv6-addr:value = '2001:0db8:dead:beef:dead:beef:dead:0001/128']",
  "[domain-name:value = 'www.5z8.info' AND domain-name:resolves_to_refs[*].value = '198.51.100.1/32']",
  "[url:value = 'http://example.com/foo' OR url:value = 'http://example.com/bar']",
  "[x509-certificate:issuer = 'CN=WEBMAIL' AND x509-certificate:serial_number = '4c:0b:1d:19:74:86:a7:66:b4:1a:bf:40:27:21:76:28']",
  "[windows-registry-key:key = 'HKEY_CURRENT_USER\\\\Software\\\\CryptoLocker\\\\Files' OR windows-registry-key:key = 'HKEY_CURRENT_USER\\\\Software\\\\Microsoft\\\\CurrentVersion\\\\Run\\\\CryptoLocker_0388']",
  "[(file:name = 'pdf.exe' OR file:size = '371712') AND file:created = t'2014-01-13T07:03:17Z']",
  "[email-message:sender_ref.value = 'jdoe@example.com' AND email-message:subject = 'Conference Info']",
  "[x-usb-device:usbdrive.serial_number = '575833303635433930303534']",
  "[process:command_line MATCHES '^.+>-add GlobalSign.cer -c -s -r localMachine Root$'] FOLLOWEDBY [process:command_line MATCHES '^.+>-add GlobalSign.cer -c -s -r localMachineTrustedPublisher$'] WITHIN 300 SECONDS",
  "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '203.0.113.33/32'] REPEATS 5 TIMES WITHIN 1800 SECONDS",
  "[file:hashes.MD5 = '79054025255fb1a26e4bc422aef54eb4'] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00.123Z'",
  "([file:name = 'a'] AND [file:name = 'b']) OR [file:name = 'c']",
  '[network-traffic:dst_port IN (80, 443, 8080)]',
  '[network-traffic:dst_port NOT IN ()]',
  "[ipv4-addr:value ISSUBSET '198.51.100.0/24']",
  "[ipv4-addr:value NOT ISSUPERSET '198.51.100.0/24']",
  "[file:name LIKE 'invoice%.exe']",
  '[file:size >= 1024 AND file:size < 2048 AND file:x_entropy > -0.5 AND file:x_score <= +3.25]',
  '[EXISTS windows-registry-key:values]',
  '[file:is_encrypted = true OR file:x_flag != false]',
  "[artifact:payload_bin = b'dGhpcyBpcyBhIHRlc3Q=']",
  "[file:magic_number_hex = h'ffd8']",
  "[user-account:x_names[0] = 'a' AND user-account:x_names[-1] = 'z']",
  "[file:parent_directory_ref.path = 'C:\\\\Windows\\\\System32' AND file:name = 'it\\'s.txt']",
  "[x-custom:'AND' = 'quoted key']",
];

const INVALID: [string, RegExp][] = [
  ["[domain-name:value = 'x'", /expected '\]'/],
  ["domain-name:value = 'x'", /expected '\[' or '\('/],
  ['[domain-name:value = x]', /constant/],
  ['[domain-name:value == ]', /constant/],
  ["[domain-name:value ~ 'x']", /unexpected character/],
  ["[domain-name:value = 'x\\n']", /invalid escape/],
  ["[domain-name:value = 'unterminated]", /unterminated string/],
  ["[file:created = t'2014-13-13T07:03:17Z']", /invalid timestamp/],
  ["[file:created = t'2014-01-13 07:03:17']", /invalid timestamp/],
  ["[file:magic_number_hex = h'abc']", /invalid hex/],
  ["[artifact:payload_bin = b'abc']", /invalid base64/],
  ["[file:name = 'a'] WITHIN 0 SECONDS", /positive/],
  ["[file:name = 'a'] REPEATS 2.5 TIMES", /positive integer/],
  ["[file:name = 'a'] WITHIN 10", /SECONDS/],
  ["[file:name = 'a'] START '2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'", /timestamp/],
  ['[file:size > true]', /boolean/],
  ['[file:name LIKE 5]', /string/],
  ["[File:name = 'a']", /invalid object type/],
  ["[file:name-x = 'a']", /comparison operator|property name/],
  ['[file:size = 007]', /leading zero/],
  ["[file:name = 'a'] AND", /expected '\[' or '\('/],
  ["[file:name = 'a']]", /unexpected/],
  ['[]', /object type/],
  ['', /expected '\[' or '\('/],
];

describe('parsePattern', () => {
  it.each(VALID)('parses %s', (p) => {
    const r = parsePattern(p);
    expect(r.ok ? 'ok' : r.error).toBe('ok');
  });

  it.each(INVALID)('rejects %s', (p, message) => {
    const r = parsePattern(p);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(message);
      expect(r.position).toBeGreaterThanOrEqual(0);
    }
  });

  it('binds AND tighter than OR, and OR tighter than FOLLOWEDBY', () => {
    const r = parsePattern("[a-b:x = '1'] OR [a-b:x = '2'] AND [a-b:x = '3'] FOLLOWEDBY [a-b:x = '4']");
    expect(r.ok && r.pattern.kind).toBe('followedby');
    if (r.ok && r.pattern.kind === 'followedby') {
      expect(r.pattern.left.kind).toBe('or');
      if (r.pattern.left.kind === 'or') expect(r.pattern.left.right.kind).toBe('and');
    }
  });

  it('keeps qualifiers, list indexes and quoted keys in the tree', () => {
    const r = parsePattern(
      "[file:hashes.'SHA-256' = 'ab' AND file:x[*].y[2] = 'c'] REPEATS 2 TIMES WITHIN 10.5 SECONDS",
    );
    expect(r.ok).toBe(true);
    if (!r.ok || r.pattern.kind !== 'observation') return;
    expect(r.pattern.qualifiers).toEqual([
      { kind: 'repeats', times: 2 },
      { kind: 'within', seconds: 10.5 },
    ]);
    const cmp = r.pattern.comparison;
    expect(cmp.kind).toBe('and');
    if (cmp.kind === 'and' && cmp.left.kind === 'comparison' && cmp.right.kind === 'comparison') {
      expect(cmp.left.path.steps).toEqual([
        { kind: 'property', name: 'hashes' },
        { kind: 'property', name: 'SHA-256' },
      ]);
      expect(cmp.right.path.steps).toEqual([
        { kind: 'property', name: 'x' },
        { kind: 'index', index: '*' },
        { kind: 'property', name: 'y' },
        { kind: 'index', index: 2 },
      ]);
    }
  });

  it('lists the positive equality terms of a pattern for correlation', () => {
    const r = parsePattern(
      "[domain-name:value = 'evil.example' OR url:value = 'http://evil.example/a' OR file:hashes.MD5 != 'x'] AND [NOT_USED:x = 'y'] ",
    );
    expect(r.ok).toBe(false); // object types are lowercase
    const ok = parsePattern(
      "[domain-name:value = 'evil.example' OR file:hashes.'SHA-256' = 'ab' OR file:name NOT = 'skip' OR file:size = 5]",
    );
    expect(ok.ok && equalityTerms(ok.pattern)).toEqual([
      { objectType: 'domain-name', path: 'value', value: 'evil.example' },
      { objectType: 'file', path: 'hashes.SHA-256', value: 'ab' },
    ]);
  });
});
