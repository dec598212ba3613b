// What every source parser yields: raw rows with the file and line they came from, and rows it could not read.
import type { TextRef } from '../../shared/errors.js';

export interface RawRow {
  file: string;
  line: number;
  /** Field name → value as text (CSV columns, JSON keys, iCalendar properties mapped to our names). */
  fields: Record<string, string | string[] | boolean | undefined>;
}

export interface RowProblem {
  file: string;
  line: number;
  /** What is wrong with the row, as an engine text (`problem.row.*`). */
  problem: TextRef;
  /** The row's id when it could still be read: its appointment from an earlier run is then kept. */
  key?: string;
}

export interface ParsedDocument {
  rows: RawRow[];
  problems: RowProblem[];
}
