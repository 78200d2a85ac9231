// STIX 2.1 Patterning (OASIS STIX 2.1 §9): a hand-written lexer and recursive-descent parser
// that turns an indicator pattern into a tree, or reports the first error with its position.
// Precedence, loosest first: FOLLOWEDBY, OR, AND between observations; inside brackets OR, AND.

export type Constant =
  | { kind: 'string'; value: string }
  | { kind: 'int'; value: number }
  | { kind: 'float'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'binary'; value: string }
  | { kind: 'hex'; value: string }
  | { kind: 'timestamp'; value: string };

/** One step of an object path after the object type: a property name or a list index (`*` = any). */
export type PathStep = { kind: 'property'; name: string } | { kind: 'index'; index: number | '*' };
export type ObjectPath = { objectType: string; steps: PathStep[] };

export type ComparisonOperator =
  '=' | '!=' | '>' | '<' | '>=' | '<=' | 'IN' | 'LIKE' | 'MATCHES' | 'ISSUBSET' | 'ISSUPERSET';

export type ComparisonExpression =
  | {
      kind: 'comparison';
      path: ObjectPath;
      operator: ComparisonOperator;
      negated: boolean;
      value: Constant | Constant[];
    }
  | { kind: 'exists'; path: ObjectPath }
  | { kind: 'and' | 'or'; left: ComparisonExpression; right: ComparisonExpression };

export type Qualifier =
  | { kind: 'within'; seconds: number }
  | { kind: 'repeats'; times: number }
  | { kind: 'startStop'; start: string; stop: string };

export type ObservationExpression =
  | { kind: 'observation'; comparison: ComparisonExpression; qualifiers: Qualifier[] }
  | { kind: 'group'; expression: ObservationExpression; qualifiers: Qualifier[] }
  | { kind: 'and' | 'or' | 'followedby'; left: ObservationExpression; right: ObservationExpression };

export type PatternParseResult =
  { ok: true; pattern: ObservationExpression } | { ok: false; error: string; position: number };

type Token = { type: string; text: string; pos: number; value?: Constant };

const KEYWORDS = new Set([
  'AND',
  'OR',
  'NOT',
  'FOLLOWEDBY',
  'LIKE',
  'MATCHES',
  'ISSUPERSET',
  'ISSUBSET',
  'EXISTS',
  'IN',
  'START',
  'STOP',
  'SECONDS',
  'WITHIN',
  'REPEATS',
  'TIMES',
]);
const TIMESTAMP_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?Z$/;
const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

class PatternError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

function readQuoted(src: string, start: number): { text: string; end: number } {
  // `start` points at the opening quote; only \' and \\ are legal escapes (STIX 2.1 §9.3 grammar).
  let out = '';
  let i = start + 1;
  while (i < src.length) {
    const c = src[i]!;
    if (c === "'") return { text: out, end: i + 1 };
    if (c === '\\') {
      const next = src[i + 1];
      if (next !== "'" && next !== '\\') throw new PatternError(`invalid escape in string at ${i}`, i);
      out += next;
      i += 2;
      continue;
    }
    out += c;
    i++;
  }
  throw new PatternError(`unterminated string starting at ${start}`, start);
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (['!=', '<>', '>=', '<=', '=='].includes(two)) {
      tokens.push({ type: two === '<>' ? '!=' : two === '==' ? '=' : two, text: two, pos: i });
      i += 2;
      continue;
    }
    if ('[]().,:=<>*'.includes(c)) {
      tokens.push({ type: c, text: c, pos: i });
      i++;
      continue;
    }
    if (c === "'") {
      const { text, end } = readQuoted(src, i);
      tokens.push({ type: 'const', text: src.slice(i, end), pos: i, value: { kind: 'string', value: text } });
      i = end;
      continue;
    }
    if ((c === 't' || c === 'b' || c === 'h') && src[i + 1] === "'") {
      const { text, end } = readQuoted(src, i + 1);
      tokens.push({ type: 'const', text: src.slice(i, end), pos: i, value: typedConstant(c, text, i) });
      i = end;
      continue;
    }
    const num = /^[+-]?(\d*\.\d+|\d+)/.exec(src.slice(i));
    if (num && (/[\d.]/.test(c) || /[+-]/.test(c))) {
      const text = num[0];
      const isFloat = text.includes('.');
      if (!isFloat && /^[+-]?0\d/.test(text)) throw new PatternError(`integer with a leading zero at ${i}`, i);
      tokens.push({
        type: 'const',
        text,
        pos: i,
        value: isFloat ? { kind: 'float', value: Number(text) } : { kind: 'int', value: Number(text) },
      });
      i += text.length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(src.slice(i));
    if (word) {
      const text = word[0];
      if (text === 'true' || text === 'false')
        tokens.push({ type: 'const', text, pos: i, value: { kind: 'bool', value: text === 'true' } });
      else tokens.push({ type: KEYWORDS.has(text) ? text : 'ident', text, pos: i });
      i += text.length;
      continue;
    }
    throw new PatternError(`unexpected character '${c}' at ${i}`, i);
  }
  tokens.push({ type: 'eof', text: '', pos: src.length });
  return tokens;
}

function typedConstant(prefix: string, text: string, pos: number): Constant {
  if (prefix === 't') {
    if (!TIMESTAMP_RE.test(text)) throw new PatternError(`invalid timestamp t'${text}' at ${pos}`, pos);
    return { kind: 'timestamp', value: text };
  }
  if (prefix === 'h') {
    if (!/^(?:[0-9A-Fa-f]{2})*$/.test(text)) throw new PatternError(`invalid hex constant at ${pos}`, pos);
    return { kind: 'hex', value: text };
  }
  if (!BASE64_RE.test(text)) throw new PatternError(`invalid base64 binary constant at ${pos}`, pos);
  return { kind: 'binary', value: text };
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }
  private next(): Token {
    return this.tokens[this.i++]!;
  }
  private accept(type: string): Token | undefined {
    return this.peek().type === type ? this.next() : undefined;
  }
  private expect(type: string, what: string): Token {
    const t = this.peek();
    if (t.type !== type)
      throw new PatternError(
        `expected ${what} at ${t.pos}, found ${t.type === 'eof' ? 'end of pattern' : `'${t.text}'`}`,
        t.pos,
      );
    return this.next();
  }

  parsePattern(): ObservationExpression {
    const expr = this.followedBy();
    const t = this.peek();
    if (t.type !== 'eof') throw new PatternError(`unexpected '${t.text}' at ${t.pos}`, t.pos);
    return expr;
  }

  private followedBy(): ObservationExpression {
    let left = this.obsOr();
    while (this.accept('FOLLOWEDBY')) left = { kind: 'followedby', left, right: this.obsOr() };
    return left;
  }

  private obsOr(): ObservationExpression {
    let left = this.obsAnd();
    while (this.accept('OR')) left = { kind: 'or', left, right: this.obsAnd() };
    return left;
  }

  private obsAnd(): ObservationExpression {
    let left = this.observation();
    while (this.accept('AND')) left = { kind: 'and', left, right: this.observation() };
    return left;
  }

  private observation(): ObservationExpression {
    const t = this.peek();
    let expr: ObservationExpression;
    if (this.accept('[')) {
      const comparison = this.cmpOr();
      this.expect(']', "']'");
      expr = { kind: 'observation', comparison, qualifiers: [] };
    } else if (this.accept('(')) {
      const inner = this.followedBy();
      this.expect(')', "')'");
      expr = { kind: 'group', expression: inner, qualifiers: [] };
    } else {
      throw new PatternError(
        `expected '[' or '(' at ${t.pos}, found ${t.type === 'eof' ? 'end of pattern' : `'${t.text}'`}`,
        t.pos,
      );
    }
    for (let q = this.qualifier(); q; q = this.qualifier()) (expr as { qualifiers: Qualifier[] }).qualifiers.push(q);
    return expr;
  }

  private qualifier(): Qualifier | undefined {
    if (this.accept('WITHIN')) {
      const n = this.expect('const', 'a number of seconds');
      if ((n.value?.kind !== 'int' && n.value?.kind !== 'float') || n.value.value <= 0)
        throw new PatternError(`WITHIN needs a positive number at ${n.pos}`, n.pos);
      this.expect('SECONDS', 'SECONDS');
      return { kind: 'within', seconds: n.value.value };
    }
    if (this.accept('REPEATS')) {
      const n = this.expect('const', 'a count');
      if (n.value?.kind !== 'int' || n.value.value <= 0)
        throw new PatternError(`REPEATS needs a positive integer at ${n.pos}`, n.pos);
      this.expect('TIMES', 'TIMES');
      return { kind: 'repeats', times: n.value.value };
    }
    if (this.accept('START')) {
      const start = this.expect('const', "a timestamp t'…'");
      if (start.value?.kind !== 'timestamp')
        throw new PatternError(`START needs a timestamp at ${start.pos}`, start.pos);
      this.expect('STOP', 'STOP');
      const stop = this.expect('const', "a timestamp t'…'");
      if (stop.value?.kind !== 'timestamp') throw new PatternError(`STOP needs a timestamp at ${stop.pos}`, stop.pos);
      return { kind: 'startStop', start: start.value.value, stop: stop.value.value };
    }
    return undefined;
  }

  private cmpOr(): ComparisonExpression {
    let left = this.cmpAnd();
    while (this.accept('OR')) left = { kind: 'or', left, right: this.cmpAnd() };
    return left;
  }

  private cmpAnd(): ComparisonExpression {
    let left = this.propTest();
    while (this.accept('AND')) left = { kind: 'and', left, right: this.propTest() };
    return left;
  }

  private propTest(): ComparisonExpression {
    if (this.accept('(')) {
      const inner = this.cmpOr();
      this.expect(')', "')'");
      return inner;
    }
    if (this.accept('EXISTS')) return { kind: 'exists', path: this.objectPath() };
    const path = this.objectPath();
    const negated = Boolean(this.accept('NOT'));
    const op = this.next();
    switch (op.type) {
      case '=':
      case '!=':
        return { kind: 'comparison', path, operator: op.type, negated, value: this.constant(false) };
      case '>':
      case '<':
      case '>=':
      case '<=': {
        const value = this.constant(true);
        return { kind: 'comparison', path, operator: op.type, negated, value };
      }
      case 'IN':
        return { kind: 'comparison', path, operator: 'IN', negated, value: this.setLiteral() };
      case 'LIKE':
      case 'MATCHES':
      case 'ISSUBSET':
      case 'ISSUPERSET': {
        const s = this.expect('const', 'a string');
        if (s.value?.kind !== 'string') throw new PatternError(`${op.type} needs a string at ${s.pos}`, s.pos);
        return { kind: 'comparison', path, operator: op.type, negated, value: s.value };
      }
      default:
        throw new PatternError(
          `expected a comparison operator at ${op.pos}, found ${op.type === 'eof' ? 'end of pattern' : `'${op.text}'`}`,
          op.pos,
        );
    }
  }

  private constant(orderable: boolean): Constant {
    const t = this.expect('const', 'a constant');
    if (orderable && t.value?.kind === 'bool') throw new PatternError(`a boolean cannot be ordered at ${t.pos}`, t.pos);
    return t.value!;
  }

  private setLiteral(): Constant[] {
    this.expect('(', "'('");
    const values: Constant[] = [];
    if (this.accept(')')) return values;
    do values.push(this.constant(false));
    while (this.accept(','));
    this.expect(')', "')'");
    return values;
  }

  private objectPath(): ObjectPath {
    const typeTok = this.expect('ident', 'an object type');
    if (!/^[a-z0-9-]+$/.test(typeTok.text) || typeTok.text.startsWith('-') || typeTok.text.endsWith('-'))
      throw new PatternError(`invalid object type '${typeTok.text}' at ${typeTok.pos}`, typeTok.pos);
    this.expect(':', "':'");
    const steps: PathStep[] = [{ kind: 'property', name: this.propertyName() }];
    for (;;) {
      if (this.accept('.')) {
        steps.push({ kind: 'property', name: this.propertyName() });
        continue;
      }
      if (this.peek().type === '[' && this.isIndexAhead()) {
        this.next();
        if (this.accept('*')) steps.push({ kind: 'index', index: '*' });
        else {
          const n = this.expect('const', 'a list index');
          if (n.value?.kind !== 'int') throw new PatternError(`a list index must be an integer at ${n.pos}`, n.pos);
          steps.push({ kind: 'index', index: n.value.value });
        }
        this.expect(']', "']'");
        continue;
      }
      return { objectType: typeTok.text, steps };
    }
  }

  // `[` after a path is an index only when followed by `*` or an integer and `]`.
  private isIndexAhead(): boolean {
    const a = this.peek(1);
    return (a.type === '*' || (a.type === 'const' && a.value?.kind === 'int')) && this.peek(2).type === ']';
  }

  private propertyName(): string {
    const t = this.next();
    if (t.type === 'const' && t.value?.kind === 'string') return t.value.value;
    // Keywords are fine as property names only when quoted; hyphens are not allowed in bare names.
    if (t.type === 'ident' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(t.text)) return t.text;
    throw new PatternError(`expected a property name at ${t.pos}`, t.pos);
  }
}

export function parsePattern(pattern: string): PatternParseResult {
  try {
    return { ok: true, pattern: new Parser(tokenize(pattern)).parsePattern() };
  } catch (err) {
    if (err instanceof PatternError) return { ok: false, error: err.message, position: err.position };
    throw err;
  }
}

/** A value an indicator names by plain equality (`[domain-name:value = 'x']`), for correlation. */
export type EqualityTerm = { objectType: string; path: string; value: string };

/** Every positive `path = 'string'` comparison of the pattern (none under NOT or `!=`). */
export function equalityTerms(pattern: ObservationExpression): EqualityTerm[] {
  const out: EqualityTerm[] = [];
  const walkCmp = (c: ComparisonExpression): void => {
    if (c.kind === 'and' || c.kind === 'or') {
      walkCmp(c.left);
      walkCmp(c.right);
      return;
    }
    if (
      c.kind !== 'comparison' ||
      c.negated ||
      c.operator !== '=' ||
      Array.isArray(c.value) ||
      c.value.kind !== 'string'
    )
      return;
    const path = c.path.steps.map((s) => (s.kind === 'property' ? s.name : `[${s.index}]`)).join('.');
    out.push({ objectType: c.path.objectType, path, value: c.value.value });
  };
  const walkObs = (o: ObservationExpression): void => {
    if (o.kind === 'observation') walkCmp(o.comparison);
    else if (o.kind === 'group') walkObs(o.expression);
    else {
      walkObs(o.left);
      walkObs(o.right);
    }
  };
  walkObs(pattern);
  return out;
}
