// Streaming reader for STIX bundles: yields each element of the top-level `objects` array as soon
// as its bytes are read, so a bundle of any size is imported in constant memory. A byte-level
// splitter tracks strings, escapes and nesting depth and hands each element's bytes to JSON.parse,
// which is far faster than a token-level streaming parser. Splitting on bytes is safe for UTF-8:
// the bytes of `"`, `\`, `{`, `}`, `[`, `]` and `,` never occur inside a multibyte character.

export class BundleFormatError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} (at byte ${offset})`);
  }
}

export type BundleElement =
  { index: number; value: unknown; offset: number } | { index: number; error: string; offset: number };

export type BundleHeader = { type?: unknown; id?: unknown; [key: string]: unknown };

export type ReadBundleOptions = {
  /** Called after each chunk with the total bytes consumed so far (progress bars). */
  onBytes?: (bytesRead: number) => void;
  /** Filled with the bundle's other top-level properties (type, id, …) as they are read. */
  header?: BundleHeader;
};

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;

type Capture = 'key' | 'value' | 'elem';
type State =
  | 'start'
  | 'key-or-end'
  | 'after-key'
  | 'value-start'
  | 'objects-start'
  | 'after-value'
  | 'elem-or-end'
  | 'after-elem'
  | 'end'
  | Capture;

/**
 * Yields every element of the bundle's `objects` array, in order. An element that is not valid
 * JSON is yielded with `error` (the stream continues); a broken bundle structure throws BundleFormatError.
 */
export async function* readBundleObjects(
  source: AsyncIterable<Uint8Array | string>,
  options: ReadBundleOptions = {},
): AsyncGenerator<BundleElement> {
  const header: BundleHeader = options.header ?? {};
  let state: State = 'start';
  let offset = 0; // absolute byte offset of the current chunk's first byte
  let first = true;
  let key = '';
  let sawObjects = false;
  let afterComma = false;
  let index = 0;
  // The value being captured: bytes carried from earlier chunks, where it starts in this chunk,
  // its nesting depth and string state; `scalar` values (numbers, true, …) end at a delimiter.
  let parts: Buffer[] = [];
  let capStart: number;
  let capOffset = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let scalar = false;

  const finish = (kind: Capture, text: string): BundleElement | undefined => {
    if (kind === 'key') {
      key = JSON.parse(text) as string;
      state = 'after-key';
      return undefined;
    }
    if (kind === 'value') {
      try {
        header[key] = JSON.parse(text);
      } catch (err) {
        throw new BundleFormatError(`invalid JSON value for "${key}": ${(err as Error).message}`, capOffset);
      }
      if (key === 'type' && header.type !== 'bundle')
        throw new BundleFormatError('not a STIX bundle: "type" is not "bundle"', capOffset);
      state = 'after-value';
      return undefined;
    }
    state = 'after-elem';
    const at = index++;
    try {
      return { index: at, value: JSON.parse(text), offset: capOffset };
    } catch (err) {
      return { index: at, error: (err as Error).message, offset: capOffset };
    }
  };

  // Starts capturing the value whose first byte `b` is at `i`; returns where scanning resumes.
  function startCapture(kind: Capture, b: number, i: number, at: number): number {
    state = kind;
    capStart = i;
    capOffset = at;
    parts = [];
    scalar = b !== LBRACE && b !== LBRACKET && b !== QUOTE;
    depth = 0;
    inString = false;
    escaped = false;
    if (scalar) return i;
    if (b === QUOTE) inString = true;
    else depth = 1;
    return i + 1;
  }

  for await (const raw of source) {
    let chunk =
      typeof raw === 'string'
        ? Buffer.from(raw, 'utf8')
        : Buffer.isBuffer(raw)
          ? raw
          : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    if (first && chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
      chunk = chunk.subarray(3);
      offset += 3;
    }
    first = false;
    const n = chunk.length;
    let i = 0;
    capStart = 0; // a capture carried over from the previous chunk continues at this chunk's start
    while (i < n) {
      // `state` changes inside closures, which TypeScript's narrowing does not see: read it widened.
      const current = state as State;
      if (current === 'key' || current === 'value' || current === 'elem') {
        const kind: Capture = current;
        let end = i;
        let done = false;
        if (scalar) {
          while (end < n) {
            const c = chunk[end]!;
            if (WS.has(c) || c === COMMA || c === RBRACE || c === RBRACKET) {
              done = true;
              break;
            }
            end++;
          }
        } else {
          while (end < n) {
            const c = chunk[end++]!;
            if (inString) {
              if (escaped) escaped = false;
              else if (c === BACKSLASH) escaped = true;
              else if (c === QUOTE) {
                inString = false;
                if (depth === 0) {
                  done = true;
                  break;
                }
              }
            } else if (c === QUOTE) inString = true;
            else if (c === LBRACE || c === LBRACKET) depth++;
            else if (c === RBRACE || c === RBRACKET) {
              if (--depth === 0) {
                done = true;
                break;
              }
            }
          }
        }
        if (!done) break; // the capture continues in the next chunk
        let text: string;
        if (parts.length === 0) text = chunk.toString('utf8', capStart, end);
        else {
          parts.push(chunk.subarray(0, end));
          text = Buffer.concat(parts).toString('utf8');
          parts = [];
        }
        i = end;
        const element = finish(kind, text);
        if (element) yield element;
        continue;
      }
      const b = chunk[i]!;
      if (WS.has(b)) {
        i++;
        continue;
      }
      const at = offset + i;
      switch (current) {
        case 'start':
          if (b !== LBRACE) throw new BundleFormatError('a STIX bundle must be a JSON object', at);
          state = 'key-or-end';
          afterComma = false;
          i++;
          break;
        case 'key-or-end':
          if (b === RBRACE && !afterComma) {
            state = 'end';
            i++;
            break;
          }
          if (b !== QUOTE) throw new BundleFormatError('expected a property name', at);
          i = startCapture('key', b, i, at);
          break;
        case 'after-key':
          if (b !== COLON) throw new BundleFormatError(`expected ':' after "${key}"`, at);
          state = key === 'objects' ? 'objects-start' : 'value-start';
          i++;
          break;
        case 'value-start':
          i = startCapture('value', b, i, at);
          break;
        case 'objects-start':
          if (b !== LBRACKET) throw new BundleFormatError('"objects" must be an array', at);
          if (sawObjects) throw new BundleFormatError('"objects" appears twice', at);
          sawObjects = true;
          state = 'elem-or-end';
          afterComma = false;
          i++;
          break;
        case 'after-value':
          if (b === COMMA) {
            state = 'key-or-end';
            afterComma = true;
            i++;
            break;
          }
          if (b === RBRACE) {
            state = 'end';
            i++;
            break;
          }
          throw new BundleFormatError("expected ',' or '}'", at);
        case 'elem-or-end':
          if (b === RBRACKET && !afterComma) {
            state = 'after-value';
            i++;
            break;
          }
          if (b === COMMA || b === RBRACKET) throw new BundleFormatError('expected an object in "objects"', at);
          i = startCapture('elem', b, i, at);
          break;
        case 'after-elem':
          if (b === COMMA) {
            state = 'elem-or-end';
            afterComma = true;
            i++;
            break;
          }
          if (b === RBRACKET) {
            state = 'after-value';
            i++;
            break;
          }
          throw new BundleFormatError("expected ',' or ']' between objects", at);
        default:
          throw new BundleFormatError('unexpected data after the bundle', at);
      }
    }
    // The capture still open at the chunk's end keeps its bytes for the next chunk.
    const open = state as State;
    if (open === 'key' || open === 'value' || open === 'elem') parts.push(chunk.subarray(capStart, n));
    offset += n;
    options.onBytes?.(offset);
  }
  if (state !== 'end')
    throw new BundleFormatError(state === 'start' ? 'the input is empty' : 'the bundle is truncated', offset);
  if (!sawObjects && header.type === undefined)
    throw new BundleFormatError('not a STIX bundle: no "type" and no "objects"', 0);
}
