// Collects a job's source documents — one file, every importable file of a folder (listed again on each run,
// so files dropped in or removed take effect), or an HTTP(S) endpoint fetched on each run — and parses them.
// A source that cannot be read at all is a CalpumpError: the caller must then write and delete nothing.
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { CalpumpError, isCalpumpError } from '../../errors/calpump-error.js';
import { HttpClient } from '../../net/http-client.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import type { ImportFormat, ImportJob } from '../import-job.js';
import type { ParsedDocument, RawRow, RowProblem } from '../source-row.js';
import { parseCsv } from './parse-csv.js';
import { parseIcs } from './parse-ics.js';
import { parseJson } from './parse-json.js';

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

function unreadable(source: string, reason: string, cause?: unknown): CalpumpError {
  return new CalpumpError('import.source.unreadable', { params: { source, reason }, evidence: reason, cause });
}

function parse(job: ImportJob, name: string, format: ImportFormat, text: string, now: Date): ParsedDocument {
  if (format === 'csv') return parseCsv(name, text, job.source.delimiter);
  if (format === 'json') return parseJson(name, text);
  return parseIcs(name, text, { now, expandDays: job.expandDays, timeZone: job.timeZone });
}

async function fromPath(job: ImportJob, path: string, now: Date): Promise<SourceContent> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw unreadable(path, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (e as Error).message, e);
  }
  const files = info.isDirectory()
    ? (await readdir(path))
        .filter((f) => !f.startsWith('.') && BY_EXTENSION[extname(f).toLowerCase()])
        .sort()
        .map((f) => join(path, f))
    : [path];
  const out: SourceContent = { documents: [], rows: [], problems: [] };
  for (const file of files) {
    const format = job.source.format ?? BY_EXTENSION[extname(file).toLowerCase()];
    if (!format) throw unreadable(file, `unknown file type "${extname(file)}": set source.format to csv, ics or json`);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      throw unreadable(file, (e as Error).message, e);
    }
    const doc = parse(job, file, format, text, now);
    out.documents.push(file);
    out.rows.push(...doc.rows);
    out.problems.push(...doc.problems);
  }
  return out;
}

async function defaultFetch(job: ImportJob, deps: SourceDeps, url: string) {
  const client = await HttpClient.create({
    profileId: `import:${job.id}`,
    tls: job.source.caFile ? { caFile: job.source.caFile } : {},
    proxy: { mode: 'system' },
    secrets: deps.secrets,
    env: deps.env,
    timeoutMs: 60_000,
  });
  try {
    const res = await client.request({
      url,
      method: 'GET',
      headers: { Accept: 'text/csv, text/calendar, application/json;q=0.9, */*;q=0.5' },
    });
    const ct = res.headers['content-type'];
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

async function fromUrl(job: ImportJob, url: string, deps: SourceDeps): Promise<SourceContent> {
  const shown = displayUrl(url);
  let res;
  try {
    res = await (deps.fetchText ? deps.fetchText(url) : defaultFetch(job, deps, url));
  } catch (e) {
    throw unreadable(shown, isCalpumpError(e) ? (e.evidence ?? e.id) : (e as Error).message);
  }
  if (res.status !== 200) throw unreadable(shown, `HTTP ${res.status}`);
  const format = formatOf(job, url, res.contentType);
  if (!format)
    throw unreadable(shown, `cannot tell the format from Content-Type "${res.contentType ?? ''}": set source.format to csv, ics or json`);
  const doc = parse(job, shown, format, res.text, deps.now);
  return { documents: [shown], rows: doc.rows, problems: doc.problems };
}

export function readSource(job: ImportJob, deps: SourceDeps): Promise<SourceContent> {
  return job.source.url ? fromUrl(job, job.source.url, deps) : fromPath(job, job.source.path!, deps.now);
}
