// A search snippet: plain-text pieces, the matching ones wrapped in <mark> as elements.
import type { Snippet } from '../../api/knowledge-types';

export function Highlight({ snippet }: { snippet: Snippet }) {
  return (
    <>
      {snippet.cutStart && '… '}
      {snippet.pieces.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
      {snippet.cutEnd && ' …'}
    </>
  );
}
