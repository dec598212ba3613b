// Plain-text table for terminals: padded columns, a header and a rule. No colours, so output stays readable
// when redirected to a file or pasted into a ticket.
export interface Column<T> {
  header: string;
  value: (row: T) => string;
  align?: 'left' | 'right';
}

export function renderTable<T>(rows: T[], columns: Column<T>[]): string {
  const cells = rows.map((r) => columns.map((c) => clean(c.value(r))));
  const widths = columns.map((c, i) => Math.max(width(c.header), ...cells.map((row) => width(row[i]))));
  const line = (values: string[]) =>
    values
      .map((v, i) => (columns[i].align === 'right' ? pad(v, widths[i], true) : i === values.length - 1 ? v : pad(v, widths[i], false)))
      .join('  ')
      .trimEnd();
  const header = line(columns.map((c) => c.header));
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [header, rule, ...cells.map(line)].join('\n') + '\n';
}

function clean(s: string): string {
  // Control characters from server data (a display name with a newline) would break the layout.
  return s.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}

function width(s: string): number {
  return [...s].length;
}

function pad(s: string, w: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}
