// TLP on view (SPEC §4.4): what this node's users may see of what it holds. Information a peer
// marked RED for other parties stays hidden even from case members; everything else is shown.
import {
  checkViewAllowed, effectiveTlp, type EvidenceRecord, type ObservableRecord,
} from '../../domain/case/index.js';

/** Observables with only the sources a local user may see; an observable with none left is dropped. */
export function visibleObservables(localParty: string, all: readonly ObservableRecord[]): ObservableRecord[] {
  const out: ObservableRecord[] = [];
  for (const o of all) {
    const sources = o.sources.filter((s) => checkViewAllowed({
      tlp: s.tlp, viewerParty: localParty, holderParty: localParty, originParty: s.party, namedRecipients: s.namedRecipients,
    }).ok);
    if (sources.length === 0) continue;
    out.push(sources.length === o.sources.length ? o : { ...o, sources, tlp: effectiveTlp(sources) });
  }
  return out;
}

export function isEvidenceVisible(localParty: string, e: EvidenceRecord): boolean {
  return checkViewAllowed({
    tlp: e.tlp, viewerParty: localParty, holderParty: localParty, originParty: e.originParty, namedRecipients: e.namedRecipients,
  }).ok;
}
