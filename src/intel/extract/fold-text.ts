// Folds full-width ASCII forms (Ａ-Ｚ, ０-９, ：／．＠…) to ASCII one UTF-16 unit for one, so that
// every offset found in the folded text is also an offset in the original text.
// Chinese sentence punctuation (，；！？（）and 。) is deliberately NOT folded: in Chinese text it
// ends an indicator, while a folded ',' or '(' could be read as part of a URL path.

const KEEP = new Set(['，', '；', '！', '？', '（', '）']);

export type FoldedText = { text: string; /** true when at least one character was folded */ changed: boolean };

export function foldWidth(input: string): FoldedText {
  let changed = false;
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e && !KEEP.has(input[i]!)) {
      out += String.fromCharCode(code - 0xfee0);
      changed = true;
    } else if (code === 0x3000) {
      out += ' ';
      changed = true;
    } else {
      out += input[i];
    }
  }
  return { text: out, changed };
}

/** True when the span [start, end) of the original held full-width forms. */
export function hasFullWidth(original: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = original.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) return true;
  }
  return false;
}
