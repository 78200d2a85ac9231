// Finding a peer among many by what a person types (docs/federation.md §20): part of its name in
// either language, its party id, its country code, or its country's name as the page shows it.
// Case- and width-insensitive; every word typed must match somewhere.

export type SearchablePeer = { id: string; name: { en: string; zh: string }; country: string };

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

export function matchesPeerQuery(peer: SearchablePeer, query: string, extra: readonly string[] = []): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = fold([peer.id, peer.name.en, peer.name.zh, peer.country, ...extra].join('\n'));
  return words.every((w) => hay.includes(w));
}
