// A party (node) by its name in the current language when the federation knows it, else by its id.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Bilingual } from '../api/types';
import { useSession } from '../app/session';
import { useBi } from './Bi';

type PeerLite = { id: string; name?: Bilingual; country?: string };

export function usePeerDirectory(): Map<string, PeerLite> {
  const { me, can } = useSession();
  const peers = useQuery({
    queryKey: ['federation', 'peers'],
    queryFn: () => api.get<{ items: PeerLite[] }>('/federation/peers'),
    enabled: can('node:read'),
    staleTime: 5 * 60_000,
    retry: false,
  });
  const map = new Map<string, PeerLite>();
  for (const p of peers.data?.items ?? []) map.set(p.id, p);
  map.set(me.node.id, { id: me.node.id, name: me.node.name, country: me.node.country });
  return map;
}

export function PartyName({ id }: { id: string }) {
  const directory = usePeerDirectory();
  const bi = useBi();
  const peer = directory.get(id);
  if (!peer?.name) return <span className="mono">{id}</span>;
  return <span title={id}>{bi(peer.name)}</span>;
}

/** "to X" for an outgoing record, "from X" for an incoming one: the other party, as list tables show it. */
export function Counterpart({ direction, party }: { direction: 'outgoing' | 'incoming'; party: string }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="faint">{direction === 'outgoing' ? t('requests.to') : t('requests.from')} </span>
      <PartyName id={party} />
    </>
  );
}

/** Suggestions for party-id inputs (`list="party-list"`): the federation's peers. */
export function PartyDatalist() {
  const directory = usePeerDirectory();
  const { me } = useSession();
  const bi = useBi();
  return (
    <datalist id="party-list">
      {[...directory.values()].filter((p) => p.id !== me.node.id).map((p) => (
        <option key={p.id} value={p.id}>{p.name ? bi(p.name) : p.id}</option>
      ))}
    </datalist>
  );
}
