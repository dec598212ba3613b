// CSV rows with their line numbers, streamed: records are handed over one at a time as the bytes arrive, so a
// file of a million rows never exists as one text or one array. A broken record (wrong column count, stray
// quote) is reported with its line and skipped; the parser continues with the next record. The separator is
// guessed from the header line when not given (Excel writes ';' in German and Dutch locales).
import { parse, type Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { text } from '../../../shared/i18n/engine-texts.js';
import type { ParsedDocument, RawRow, RowProblem } from '../source-row.js';

export function guessDelimiter(text: string): string {
  const header = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length);
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][1] > 0 ? counts[0][0] : ',';
}

export interface RowSink {
  row(row: RawRow): void;
  problem(problem: RowProblem): void;
}

type Parsed = { record: Record<string, string>; info: { lines: number } };

function options(file: string, delimiter: string, sink: RowSink): Options {
  return {
    columns: (header: string[]) => header.map((h) => h.trim()),
    bom: true,
    delimiter,
    info: true,
    trim: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      if (err)
        sink.problem({
          file,
          line: Number(err.lines),
          problem: text('problem.row.wrongFieldCount', { detail: err.message.replace(/^Invalid Record Length: /, '') }),
        });
      return undefined;
    },
    // Each record goes to the sink as it is parsed and is dropped from the stream: nothing piles up.
    on_record: (r: unknown) => {
      const p = r as Parsed;
      sink.row({ file, line: p.info.lines, fields: p.record });
      return null;
    },
  };
}

/** Parses a CSV as its chunks arrive (a file stream, an HTTP body), handing every row to the sink. */
export async function streamCsv(
  file: string,
  chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  delimiter: string | undefined,
  sink: RowSink,
): Promise<void> {
  let parser: ReturnType<typeof parse> | undefined;
  let finished: Promise<void> | undefined;
  let failure: Error | undefined;
  for await (const chunk of chunks) {
    if (!parser) {
      const head = typeof chunk === 'string' ? chunk : chunk.toString('utf8', 0, Math.min(chunk.length, 64 * 1024));
      const p = parse(options(file, delimiter ?? guessDelimiter(head.replace(/^\uFEFF/, '')), sink));
      parser = p;
      finished = new Promise<void>((resolve, reject) => {
        p.on('error', (e) => {
          failure = e;
          reject(e);
        });
        p.on('end', () => resolve());
      });
      finished.catch(() => undefined);
      // The readable side stays empty (on_record drops every record), but it must flow for 'end' to come.
      p.resume();
    }
    if (failure) break;
    if (!parser.write(chunk) && !failure) {
      const p = parser;
      await new Promise<void>((r) => {
        const go = () => {
          p.off('drain', go);
          p.off('error', go);
          r();
        };
        p.once('drain', go);
        p.once('error', go);
      });
    }
  }
  if (!parser) return;
  if (failure) throw failure;
  parser.end();
  await finished;
}

/** The whole text at once (small documents, tests): the same rows and problems as streamCsv. */
export function parseCsv(file: string, text: string, delimiter = guessDelimiter(text)): ParsedDocument {
  const rows: RawRow[] = [];
  const problems: RowProblem[] = [];
  parseSync(text, options(file, delimiter, { row: (r) => rows.push(r), problem: (p) => problems.push(p) }));
  return { rows, problems };
}
