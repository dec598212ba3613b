// Collects a job's source documents — one file, every importable file of a folder (listed again on each run,
// so files dropped in or removed take effect), or an HTTP(S) endpoint fetched on each run — and parses them.
// A source that cannot be read at all is a CalpumpError: the caller must then write and delete nothing.
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { TextRef } from '../../../shared/errors.js';
import { text } from '../../../shared/i18n/engine-texts.js';
import { CalpumpError, isCalpumpError } from '../../errors/calpump-error.js';
import { HttpClient } from '../../net/http-client.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import type { ImportFormat, ImportJob } from '../import-job.js';
import type { RawRow, RowProblem } from '../source-row.js';
import { streamCsv, type RowSink } from './parse-csv.js';
import { parseIcs } from './parse-ics.js';
import { parseJson } from './parse-json.js';

/** An HTTP source larger than this (MiB) is refused unless the job's source.maxMB allows more. */
export const DEFAULT_SOURCE_MAX_MB = 64;

const BY_EXTENSION: Record<string, ImportFormat> = {
  '.csv': 'csv',
  '.txt': 'csv',
  '.ics': 'ics',
  '.ical': 'ics',
  '.json': 'json',
  '.ndjson': 'json',
  '.jsonl': 'json',
};

export interface SourceDeps {
  secrets: SecretStore;
  env?: NodeJS.ProcessEnv;
  now: Date;
  /** Replaces the HTTP fetch (tests); default: the net layer's HttpClient (system proxy, verified TLS). */
  fetchText?: (url: string) => Promise<{ status: number; text: string; contentType?: string }>;
}

export interface SourceContent {
  documents: string[];
  rows: RawRow[];
  problems: RowProblem[];
}

/** What a streamed read reports once every row went to the sink. */
export interface SourceSummary {
  documents: string[];
  rows: number;
}

/** `reason` is a compact fact (`HTTP 404`) or an engine text; `evidence` what the system or server said. */
function unreadable(source: string, reason: string | TextRef, evidence?: string, cause?: unknown): CalpumpError {
  return new CalpumpError('import.source.unreadable', {
    params: { source, reason },
    evidence: evidence ?? (typeof reason === 'string' ? reason : undefined),
    cause,
  });
}

/** An operating-system error reading the source: named by its code, the system's own message as evidence. */
function readFailure(source: string, e: unknown): CalpumpError {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return unreadable(source, text('problem.source.missing'), err.message, e);
  return unreadable(source, text('problem.source.cannotRead', { code: err.code ?? 'error' }), err.message, e);
}

/** No format named by the job and none to tell from the name or the Content-Type. */
function unknownFormat(source: string, what: string): CalpumpError {
  return unreadable(source, text('problem.source.unknownFormat', { what }));
}

/** Whole-text formats (iCalendar, JSON): parsed at once, then handed over row by row (no argument spread). */
function parseWhole(job: ImportJob, name: string, format: 'ics' | 'json', text: string, now: Date, sink: RowSink): void {
  const doc = format === 'json' ? parseJson(name, text) : parseIcs(name, text, { now, expandDays: job.expandDays, timeZone: job.timeZone });
  for (const r of doc.rows) sink.row(r);
  for (const p of doc.problems) sink.problem(p);
}

/** Counts rows on their way to the sink. */
function counting(sink: RowSink): RowSink & { rows: number } {
  const c = {
    rows: 0,
    row: (r: RawRow) => {
      c.rows += 1;
      sink.row(r);
    },
    problem: (p: RowProblem) => sink.problem(p),
  };
  return c;
}

/** A failure to read the file itself (not a row problem, not a bug in a row handler). */
function isReadError(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

async function fromPath(job: ImportJob, path: string, now: Date, sink: RowSink): Promise<SourceSummary> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw readFailure(path, e);
  }
  const files = info.isDirectory()
    ? (await readdir(path))
        .filter((f) => !f.startsWith('.') && BY_EXTENSION[extname(f).toLowerCase()])
        .sort()
        .map((f) => join(path, f))
    : [path];
  const documents: string[] = [];
  const counted = counting(sink);
  for (const file of files) {
    const format = job.source.format ?? BY_EXTENSION[extname(file).toLowerCase()];
    if (!format) throw unknownFormat(file, extname(file) || basename(file));
    try {
      if (format === 'csv') await streamCsv(file, createReadStream(file), job.source.delimiter, counted);
      else parseWhole(job, file, format, await readFile(file, 'utf8'), now, counted);
    } catch (e) {
      if (isCalpumpError(e) || !isReadError(e)) throw e;
      throw readFailure(file, e);
    }
    documents.push(file);
  }
  return { documents, rows: counted.rows };
}

async function defaultFetch(job: ImportJob, deps: SourceDeps, url: string) {
  const client = await HttpClient.create({
    profileId: `import:${job.id}`,
    tls: job.source.caFile ? { caFile: job.source.caFile } : {},
    proxy: { mode: 'system' },
    secrets: deps.secrets,
    env: deps.env,
    timeoutMs: 60_000,
    limits: { maxResponseMB: job.source.maxMB ?? DEFAULT_SOURCE_MAX_MB },
  });
  try {
    const res = await client.request({
      url,
      method: 'GET',
      headers: { Accept: 'text/csv, text/calendar, application/json;q=0.9, */*;q=0.5' },
    });
    // Typed as one string by Node; a hand-built answer (the proxy path) may still carry a list.
    const ct = res.headers['content-type'] as string | string[] | undefined;
    return { status: res.status, text: res.body, contentType: Array.isArray(ct) ? ct[0] : ct };
  } finally {
    client.close();
  }
}

/** A URL as it may be shown and logged: no user info, query values masked (API keys often travel there). */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    for (const k of [...u.searchParams.keys()]) u.searchParams.set(k, '…');
    return u.toString();
  } catch {
    return url.replace(/\?.*$/, '?…');
  }
}

function formatOf(job: ImportJob, url: string, contentType: string | undefined): ImportFormat | undefined {
  if (job.source.format) return job.source.format;
  const ct = (contentType ?? '').toLowerCase();
  if (ct.includes('calendar')) return 'ics';
  if (ct.includes('json')) return 'json';
  if (ct.includes('csv')) return 'csv';
  return BY_EXTENSION[extname(new URL(url).pathname).toLowerCase()];
}

async function fromUrl(job: ImportJob, url: string, deps: SourceDeps, sink: RowSink): Promise<SourceSummary> {
  const shown = displayUrl(url);
  let res;
  try {
    res = await (deps.fetchText ? deps.fetchText(url) : defaultFetch(job, deps, url));
  } catch (e) {
    throw isCalpumpError(e) ? unreadable(shown, e.evidence ?? e.id, undefined, e) : readFailure(shown, e);
  }
  if (res.status !== 200) throw unreadable(shown, `HTTP ${res.status}`);
  const format = formatOf(job, url, res.contentType);
  if (!format) throw unknownFormat(shown, `Content-Type: ${res.contentType ?? ''}`);
  const counted = counting(sink);
  if (format === 'csv') await streamCsv(shown, [res.text], job.source.delimiter, counted);
  else parseWhole(job, shown, format, res.text, deps.now, counted);
  return { documents: [shown], rows: counted.rows };
}

/** Reads the job's source, handing each row (and each unreadable one) to the sink as it is parsed. */
export function streamSource(job: ImportJob, deps: SourceDeps, sink: RowSink): Promise<SourceSummary> {
  return job.source.url ? fromUrl(job, job.source.url, deps, sink) : fromPath(job, job.source.path!, deps.now, sink);
}

/** The whole source as arrays (small sources, tests); runs use streamSource. */
export async function readSource(job: ImportJob, deps: SourceDeps): Promise<SourceContent> {
  const rows: RawRow[] = [];
  const problems: RowProblem[] = [];
  const summary = await streamSource(job, deps, { row: (r) => rows.push(r), problem: (p) => problems.push(p) });
  return { documents: summary.documents, rows, problems };
}
