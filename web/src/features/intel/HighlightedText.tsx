// The pasted text with each extracted indicator's span marked, so the analyst sees what was found where.
import type { ExtractedIndicator } from '../../api/intel-correlation-types';

type Piece = { text: string; type?: string; cue?: boolean };

function pieces(text: string, indicators: readonly ExtractedIndicator[]): Piece[] {
  // The cue word before an account ("微信：") is underlined, the value itself marked.
  const spans = indicators
    .flatMap((i) =>
      i.spans.flatMap((s) => [
        ...(s.cue ? [{ start: s.cue.start, end: s.cue.end, type: i.type, cue: true }] : []),
        { start: s.start, end: s.end, type: i.type, cue: false },
      ]),
    )
    .sort((a, b) => a.start - b.start);
  const out: Piece[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    if (s.start > at) out.push({ text: text.slice(at, s.start) });
    out.push({ text: text.slice(s.start, s.end), type: s.type, cue: s.cue });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

export function HighlightedText({
  text,
  indicators,
  label,
}: {
  text: string;
  indicators: readonly ExtractedIndicator[];
  label: string;
}) {
  return (
    <pre
      className="extract-text"
      aria-label={label}
      style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', maxHeight: '24rem', overflow: 'auto' }}
    >
      {pieces(text, indicators).map((p, i) =>
        p.cue ? (
          <span
            key={i}
            className="extract-cue"
            data-cue={p.type}
            style={{ textDecoration: 'underline dotted', textUnderlineOffset: '0.2em' }}
          >
            {p.text}
          </span>
        ) : p.type ? (
          <mark key={i} data-type={p.type} title={p.type}>
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </pre>
  );
}
