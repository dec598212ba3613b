// CSV rows with their line numbers. A broken record (wrong column count, stray quote) is reported with its line
// and skipped; the parser continues with the next record. The separator is guessed from the header line when
// not given (Excel writes ';' in German and Dutch locales).
import { parse } from 'csv-parse/sync';
import type { ParsedDocument, RawRow, RowProblem } from '../source-row.js';

export function guessDelimiter(text: string): string {
  const header = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length);
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![1] > 0 ? counts[0]![0] : ',';
}

export function parseCsv(file: string, text: string, delimiter = guessDelimiter(text)): ParsedDocument {
  const problems: RowProblem[] = [];
  const records = parse(text, {
    columns: (header: string[]) => header.map((h) => h.trim()),
    bom: true,
    delimiter,
    info: true,
    trim: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      if (err)
        problems.push({
          file,
          line: Number(err.lines),
          problem: err.message.replace(/^Invalid Record Length: /, 'wrong number of fields: '),
        });
      return undefined;
    },
  }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
  const rows: RawRow[] = records.map((r) => ({ file, line: r.info.lines, fields: r.record }));
  return { rows, problems };
}
