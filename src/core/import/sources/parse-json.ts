// JSON sources: an array of objects (or { "items": [...] } / { "value": [...] }), or JSON lines (one object per
// line). Each element keeps the line it starts on, found by a small scanner over the top-level array, so a bad
// element is reported where an administrator can find it.
import { text as textRef } from '../../../shared/i18n/engine-texts.js';
import type { ParsedDocument, RawRow, RowProblem } from '../source-row.js';

/** Line numbers (1-based) where the elements of the array opening at `open` start. */
export function elementLines(text: string, open: number): number[] {
  const lines: number[] = [];
  let line = text.slice(0, open).split('\n').length;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (expectElement && !/\s/.test(c) && c !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) break;
    } else if (c === ',' && depth === 1) expectElement = true;
  }
  return lines;
}

function toFields(o: unknown): RawRow['fields'] | undefined {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return undefined;
  const fields: RawRow['fields'] = {};
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'boolean') fields[k] = v;
    else if (Array.isArray(v)) fields[k] = v.map(String);
    else if (typeof v === 'object') fields[k] = JSON.stringify(v);
    else if (typeof v === 'string' || typeof v === 'number') fields[k] = String(v);
  }
  return fields;
}

function jsonLines(file: string, text: string): ParsedDocument {
  const rows: RawRow[] = [];
  const problems: RowProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    try {
      const fields = toFields(JSON.parse(raw));
      if (fields) rows.push({ file, line: i + 1, fields });
      else problems.push({ file, line: i + 1, problem: textRef('problem.row.notJsonObject') });
    } catch (e) {
      problems.push({ file, line: i + 1, problem: textRef('problem.row.invalidJson', { detail: (e as Error).message }) });
    }
  });
  return { rows, problems };
}

export function parseJson(file: string, text: string): ParsedDocument {
  const body = text.replace(/^\uFEFF/, '');
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (e) {
    if (/^\s*\{/.test(body) && body.trim().split(/\r?\n/).length > 1) return jsonLines(file, body);
    const m = /position (\d+)/.exec((e as Error).message);
    const line = m ? body.slice(0, Number(m[1])).split('\n').length : 1;
    return { rows: [], problems: [{ file, line, problem: textRef('problem.row.invalidJson', { detail: (e as Error).message }) }] };
  }
  const list = Array.isArray(doc)
    ? doc
    : ((doc as { items?: unknown[]; value?: unknown[] })?.items ?? (doc as { value?: unknown[] })?.value);
  if (!Array.isArray(list)) return { rows: [], problems: [{ file, line: 1, problem: textRef('problem.row.notJsonArray') }] };
  const open = Array.isArray(doc) ? body.indexOf('[') : (/"(?:items|value)"\s*:\s*\[/.exec(body)?.index ?? -1);
  const lines = open < 0 ? [] : elementLines(body, body.indexOf('[', open));
  const rows: RawRow[] = [];
  const problems: RowProblem[] = [];
  list.forEach((o, i) => {
    const fields = toFields(o);
    const line = lines[i] ?? 1;
    if (fields) rows.push({ file, line, fields });
    else problems.push({ file, line, problem: textRef('problem.row.elementNotObject', { index: String(i + 1) }) });
  });
  return { rows, problems };
}
