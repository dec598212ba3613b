// A small PowerShell tokenizer for the quoting tests (pwsh is not in Debian's archive, so PowerShell's own
// parser cannot run here). It follows the language spec for what matters to injection: comments, single-
// quoted literals ('' and the typographic quotes U+2018..U+201B as quote characters), double-quoted strings
// (where $ and ` are live), here-strings, and bracket balance in code.
export type Token =
  | { kind: 'single'; value: string; start: number }
  | { kind: 'double'; raw: string; start: number }
  | { kind: 'comment'; text: string; start: number }
  | { kind: 'code'; text: string; start: number };

const SQ = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B']);
const DQ = new Set(['"', '\u201C', '\u201D', '\u201E']);

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let code = '';
  let codeStart = 0;
  const flush = (at: number) => {
    if (code) tokens.push({ kind: 'code', text: code, start: codeStart });
    code = '';
    codeStart = at;
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '<' && src[i + 1] === '#') {
      const end = src.indexOf('#>', i + 2);
      if (end < 0) throw new Error(`unterminated block comment at ${i}`);
      flush(i);
      tokens.push({ kind: 'comment', text: src.slice(i, end + 2), start: i });
      i = end + 2;
      codeStart = i;
    } else if (c === '#') {
      const nl = src.indexOf('\n', i);
      const end = nl < 0 ? src.length : nl;
      flush(i);
      tokens.push({ kind: 'comment', text: src.slice(i, end), start: i });
      i = end;
      codeStart = i;
    } else if (c === '@' && (SQ.has(src[i + 1]) || DQ.has(src[i + 1])) && src[i + 2] === '\n') {
      const q = src[i + 1];
      const close = src.indexOf(`\n${q}@`, i + 3);
      if (close < 0) throw new Error(`unterminated here-string at ${i}`);
      flush(i);
      const body = src.slice(i + 3, close);
      tokens.push(SQ.has(q) ? { kind: 'single', value: body, start: i } : { kind: 'double', raw: body, start: i });
      i = close + 3;
      codeStart = i;
    } else if (SQ.has(c)) {
      flush(i);
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= src.length) throw new Error(`unterminated single-quoted string at ${i}`);
        if (SQ.has(src[j])) {
          if (SQ.has(src[j + 1])) {
            value += src[j];
            j += 2;
            continue;
          }
          break;
        }
        value += src[j++];
      }
      tokens.push({ kind: 'single', value, start: i });
      i = j + 1;
      codeStart = i;
    } else if (DQ.has(c)) {
      flush(i);
      let j = i + 1;
      for (;;) {
        if (j >= src.length) throw new Error(`unterminated double-quoted string at ${i}`);
        if (src[j] === '`') {
          j += 2;
          continue;
        }
        if (DQ.has(src[j])) {
          if (DQ.has(src[j + 1])) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      tokens.push({ kind: 'double', raw: src.slice(i + 1, j), start: i });
      i = j + 1;
      codeStart = i;
    } else {
      code += c;
      i++;
    }
  }
  flush(src.length);
  assertBalanced(tokens);
  return tokens;
}

function assertBalanced(tokens: Token[]): void {
  const pairs: Record<string, string> = { ')': '(', '}': '{', ']': '[' };
  const stack: string[] = [];
  for (const t of tokens) {
    if (t.kind !== 'code') continue;
    for (const ch of t.text) {
      if ('({['.includes(ch)) stack.push(ch);
      else if (ch in pairs) {
        if (stack.pop() !== pairs[ch]) throw new Error(`unbalanced ${ch} near ${t.start}`);
      }
    }
  }
  if (stack.length) throw new Error(`unclosed ${stack.join('')}`);
}

/** The script with every literal and comment blanked out: what PowerShell would run as commands. */
export function codeOnly(tokens: Token[]): string {
  return tokens.map((t) => (t.kind === 'code' ? t.text : t.kind === 'comment' ? '' : ' <str> ')).join('');
}
