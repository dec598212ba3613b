// Read-only calendar feeds for door signs and displays: GET /feeds/<job>/<mailbox>.<ics|json|csv|vcf>?token=…
// serves the file a folder-target job last wrote for that mailbox: its calendar (export jobs), its busy blocks
// (free/busy jobs) or its status now and next (presence jobs, always .json). The feed token is separate from
// the UI session token (a display must never get UI access) and lives in the SecretStore.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { feedFileName, feedFormat, feedPath } from '../../core/sync/run-feeds.js';
import type { SecretStore } from '../../core/secrets/secret-store.js';
import { jobTypeOf, targetOf, type Job } from '../../shared/job.js';
import type { FeedsHandler } from './server.js';

export const FEED_TOKEN_KEY = 'feeds:token';
const TYPES: Record<string, string> = {
  ics: 'text/calendar; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  vcf: 'text/vcard; charset=utf-8',
};

/** The feed token, created on first use. */
export async function feedToken(secrets: SecretStore): Promise<string> {
  const existing = await secrets.get(FEED_TOKEN_KEY);
  if (existing) return existing;
  const token = randomBytes(24).toString('base64url');
  await secrets.set(FEED_TOKEN_KEY, token);
  return token;
}

function sameToken(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createFeedsHandler(deps: { token: string; findJob(nameOrId: string): Promise<Job | undefined> }): FeedsHandler {
  return async (req, res, url) => {
    const send = (status: number, text: string) => {
      res.writeHead(status, {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(`${text}\n`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Feeds are read-only: use GET.');
    if (!sameToken(url.searchParams.get('token'), deps.token)) {
      return send(401, 'Missing or wrong feed token: use the feed URL that `calpump serve` printed (…?token=…).');
    }
    const m = /^\/feeds\/([^/]+)\/([^/]+)\.(ics|json|csv|vcf)$/.exec(url.pathname);
    if (!m) return send(404, 'Feed URLs look like /feeds/<job>/<mailbox>.ics (or .json, .csv).');
    const [jobName, mailbox, ext] = [decodeURIComponent(m[1]), decodeURIComponent(m[2]), m[3]];
    const job = await deps.findJob(jobName).catch(() => undefined);
    if (!job) return send(404, `No job named "${jobName}": see \`calpump jobs list\`.`);
    const type = jobTypeOf(job);
    const target = targetOf(job);
    if (!target) return send(404, `Job "${job.name}" is an ${type} job: it writes into calendars and has no feed.`);
    const format = feedFormat(job);
    if (target.kind !== 'folder' || !format)
      return send(404, `Job "${job.name}" writes to ${target.kind}, not to files; only folder-target jobs have feeds.`);
    if (format !== ext) return send(404, `Job "${job.name}" writes .${format} files: use ${feedPath(job, mailbox, format)}`);
    const file = feedFileName(job, mailbox, ext);
    let body: Buffer;
    try {
      body = await readFile(join(target.path, file));
    } catch {
      return send(404, `No export yet for ${mailbox} in job "${job.name}": run the job (Run now, or \`calpump jobs run "${job.name}"\`).`);
    }
    res.writeHead(200, { 'content-type': TYPES[ext], 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
