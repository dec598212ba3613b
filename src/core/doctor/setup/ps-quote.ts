// PowerShell quoting for values that come from a profile or the command line. Every value enters a script
// as a single-quoted literal: nothing inside one is expanded ($, backtick, subexpressions), and the only
// special character is the quote itself, which is doubled. PowerShell also treats the typographic single
// quotes U+2018..U+201B as quote characters, so those are doubled too.
const QUOTES = /['\u2018\u2019\u201A\u201B]/g;

export function psLiteral(value: string): string {
  return `'${value.replace(QUOTES, (q) => q + q)}'`;
}

/** @('a','b') from several values. */
export function psArray(values: string[]): string {
  return `@(${values.map(psLiteral).join(', ')})`;
}

/** `$Name = '<value>'` — the one place a script receives a value. */
export function psAssign(variable: string, value: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(variable)) throw new Error(`not a safe PowerShell variable name: ${variable}`);
  return `$${variable} = ${psLiteral(value)}`;
}
