// Folds full-width ASCII forms (Ａ-Ｚ, ０-９, ：／．＠…) to ASCII one UTF-16 unit for one, so that
// every offset found in the folded text is also an offset in the original text.
// Chinese sentence punctuation (，；！？（）and 。) is deliberately NOT folded: in Chinese text it
// ends an indicator, while a folded ',' or '(' could be read as part of a URL path.

const KEEP = new Set(['，', '；', '！', '？', '（', '）']);

export type FoldedText = { text: string; /** true when at least one character was folded */ changed: boolean };

export function foldWidth(input: string): FoldedText {
  let changed = false;
  const text = input.replace(/[\uff01-\uff5e\u3000]/g, (ch) => {
    if (KEEP.has(ch)) return ch;
    changed = true;
    return ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
  });
  return { text, changed };
}

/** True when the span [start, end) of the original held full-width forms. */
export function hasFullWidth(original: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = original.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) return true;
  }
  return false;
}
