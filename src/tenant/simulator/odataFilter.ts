// The slice of OData $filter the simulator understands: startswith(prop,'x'), prop eq 'x', and ge/le/gt/lt
// comparisons (strings or unquoted DateTimeOffset literals), joined by and/or with optional parentheses.
// That covers what the live client sends (m365-contracts.md §3.4, §5.1); anything else is refused the way
// Graph refuses it: 400 "Invalid filter clause".

export class FilterError extends Error {
  override readonly name = 'FilterError';
}

type Node =
  | { kind: 'or'; items: Node[] }
  | { kind: 'and'; items: Node[] }
  | { kind: 'startswith'; prop: string; value: string }
  | { kind: 'cmp'; op: 'eq' | 'ne' | 'ge' | 'le' | 'gt' | 'lt'; prop: string; value: string };

type Token = { t: 'str'; v: string } | { t: 'word'; v: string } | { t: '(' | ')' | ',' };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input.charAt(i);
    if (c === ' ') {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ t: c });
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= input.length) throw new FilterError('unterminated string literal');
        if (input[i] === "'" && input[i + 1] === "'") {
          value += "'";
          i += 2;
        } else if (input[i] === "'") {
          i++;
          break;
        } else {
          value += input[i++];
        }
      }
      tokens.push({ t: 'str', v: value });
    } else {
      const match = /^[A-Za-z0-9_.:+\-/]+/.exec(input.slice(i));
      if (!match) throw new FilterError(`unexpected character '${c}'`);
      tokens.push({ t: 'word', v: match[0] });
      i += match[0].length;
    }
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const node = this.or();
    if (this.pos !== this.tokens.length) throw new FilterError('unexpected trailing tokens');
    return node;
  }

  private or(): Node {
    const items = [this.and()];
    while (this.keyword('or')) items.push(this.and());
    return items.length === 1 && items[0] ? items[0] : { kind: 'or', items };
  }

  private and(): Node {
    const items = [this.term()];
    while (this.keyword('and')) items.push(this.term());
    return items.length === 1 && items[0] ? items[0] : { kind: 'and', items };
  }

  private term(): Node {
    const tok = this.tokens[this.pos++];
    if (tok?.t === '(') {
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    if (tok?.t !== 'word') throw new FilterError('expected a property or function');
    if (tok.v.toLowerCase() === 'startswith' && this.tokens[this.pos]?.t === '(') {
      this.expect('(');
      const prop = this.word();
      this.expect(',');
      const value = this.literal();
      this.expect(')');
      return { kind: 'startswith', prop, value };
    }
    const op = this.word().toLowerCase();
    if (op !== 'eq' && op !== 'ne' && op !== 'ge' && op !== 'le' && op !== 'gt' && op !== 'lt') {
      throw new FilterError(`unsupported operator '${op}'`);
    }
    return { kind: 'cmp', op, prop: tok.v, value: this.literal() };
  }

  private keyword(word: string): boolean {
    const tok = this.tokens[this.pos];
    if (tok?.t === 'word' && tok.v.toLowerCase() === word) {
      this.pos++;
      return true;
    }
    return false;
  }

  private word(): string {
    const tok = this.tokens[this.pos++];
    if (tok?.t !== 'word') throw new FilterError('expected a name');
    return tok.v;
  }

  private literal(): string {
    const tok = this.tokens[this.pos++];
    if (tok?.t === 'str' || tok?.t === 'word') return tok.v;
    throw new FilterError('expected a literal');
  }

  private expect(t: '(' | ')' | ','): void {
    if (this.tokens[this.pos++]?.t !== t) throw new FilterError(`expected '${t}'`);
  }
}

export type FilterRecord = Record<string, unknown>;

/** Parses `filter`, checks its properties against `allowed`, and returns a predicate. */
export function compileFilter(filter: string, allowed: readonly string[]): (record: FilterRecord) => boolean {
  if (filter.length > 2048) throw new FilterError('filter too long');
  const root = new Parser(tokenize(filter)).parse();
  const byLower = new Map(allowed.map((p) => [p.toLowerCase(), p]));
  const resolve = (prop: string): string => {
    const name = byLower.get(prop.toLowerCase());
    if (!name) throw new FilterError(`Could not find a property named '${prop}'`);
    return name;
  };
  const check = (node: Node): void => {
    if (node.kind === 'or' || node.kind === 'and') {
      node.items.forEach(check);
      return;
    }
    node.prop = resolve(node.prop);
  };
  check(root);
  return (record) => evaluate(root, record);
}

function evaluate(node: Node, record: FilterRecord): boolean {
  switch (node.kind) {
    case 'or':
      return node.items.some((n) => evaluate(n, record));
    case 'and':
      return node.items.every((n) => evaluate(n, record));
    case 'startswith':
      return asText(record[node.prop]).toLowerCase().startsWith(node.value.toLowerCase());
    case 'cmp':
      return compare(node.op, record[node.prop] == null ? null : asText(record[node.prop]), node.value);
  }
}

function asText(value: unknown): string {
  return value == null ? '' : String(value);
}

function compare(
  op: 'eq' | 'ne' | 'ge' | 'le' | 'gt' | 'lt',
  actual: string | null,
  expected: string,
): boolean {
  if (actual === null) return op === 'ne';
  const asDates = /^\d{4}-\d{2}-\d{2}T/.test(expected) && /^\d{4}-\d{2}-\d{2}T/.test(actual);
  const a = asDates ? Date.parse(actual) : actual.toLowerCase();
  const b = asDates ? Date.parse(expected) : expected.toLowerCase();
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'ge':
      return a >= b;
    case 'le':
      return a <= b;
    case 'gt':
      return a > b;
    case 'lt':
      return a < b;
  }
}

/** Collects the literal compared to `prop` with `op` anywhere in the filter (e.g. the trace's time bounds). */
export function filterLiterals(filter: string, prop: string, op: string): string[] {
  const found: string[] = [];
  const visit = (node: Node): void => {
    if (node.kind === 'or' || node.kind === 'and') node.items.forEach(visit);
    else if (node.kind === 'cmp' && node.op === op && node.prop.toLowerCase() === prop.toLowerCase())
      found.push(node.value);
  };
  visit(new Parser(tokenize(filter)).parse());
  return found;
}
