// TLP 2.0 marking, in the colours FIRST prescribes (on black), with its meaning as a tooltip.
import { useCaseMeta } from '../api/meta';
import { useBi } from './Bi';

export function TlpBadge({ tlp }: { tlp: string | undefined }) {
  const meta = useCaseMeta().data;
  const bi = useBi();
  if (!tlp) return null;
  const info = meta?.tlp[tlp as keyof NonNullable<typeof meta>['tlp']];
  const cls = tlp.toLowerCase().replace('+', '-');
  return (
    <span className={`badge tlp ${cls}`} title={info ? bi(info.description) : undefined}>
      TLP:{tlp}
    </span>
  );
}
