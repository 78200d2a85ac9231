// What changed between two versions of a directory, member by member: the "what changed in each
// version" list the admin reads, and the plan a node follows to bring its peers in line.
import type { DirectoryDocument, DirectoryMember } from './document.js';

export type DirectoryDiff = {
  added: string[];
  /** Members whose card fingerprint changed (a key rotation announced by the directory). */
  rotated: { party: string; from: string; to: string }[];
  removed: string[];
  /** Name, country, endpoint or roles changed, same keys. */
  updated: string[];
  /** The founder set or the threshold changed. */
  foundersChanged: boolean;
};

const sameFounders = (a: DirectoryDocument, b: DirectoryDocument) =>
  a.threshold === b.threshold &&
  a.founders.length === b.founders.length &&
  a.founders.every((f) => b.founders.some((g) => g.party === f.party && g.fingerprint === f.fingerprint));

const sameDetails = (a: DirectoryMember, b: DirectoryMember) =>
  a.name.en === b.name.en &&
  a.name.zh === b.name.zh &&
  a.country === b.country &&
  a.endpoint === b.endpoint &&
  a.roles.length === b.roles.length &&
  a.roles.every((r) => b.roles.includes(r));

/** `previous` null: every member is new. */
export function diffDirectories(previous: DirectoryDocument | null, next: DirectoryDocument): DirectoryDiff {
  const before = new Map((previous?.members ?? []).map((m) => [m.party, m]));
  const diff: DirectoryDiff = {
    added: [],
    rotated: [],
    removed: [],
    updated: [],
    foundersChanged: previous ? !sameFounders(previous, next) : false,
  };
  for (const m of next.members) {
    const old = before.get(m.party);
    if (!old) diff.added.push(m.party);
    else if (old.fingerprint !== m.fingerprint)
      diff.rotated.push({ party: m.party, from: old.fingerprint, to: m.fingerprint });
    else if (!sameDetails(old, m)) diff.updated.push(m.party);
  }
  const now = new Set(next.members.map((m) => m.party));
  for (const party of before.keys()) if (!now.has(party)) diff.removed.push(party);
  return diff;
}

/** Whether the founder set or threshold differs (a change that k of the OLD founders must sign). */
export function foundersChanged(previous: DirectoryDocument, next: DirectoryDocument): boolean {
  return !sameFounders(previous, next);
}
