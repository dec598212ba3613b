// Validates recorded EWS SOAP requests against Microsoft's schema (the copy in test/fixtures/sim/ews-schema) with the xmllint CLI:
// the element inside soap:Body, and each soap:Header element, standalone with their namespace declarations.
// One xmllint run per batch of files keeps this fast.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, expect } from 'vitest';
import type { RecordedRequest } from '../../src/core/connectors/ews/index.js';

const repoRoot = path.resolve(__dirname, '..', '..');
export const EWS_SCHEMA = path.resolve(repoRoot, 'test', 'fixtures', 'sim', 'ews-schema', 'ews-validate.xsd');

const NS: Record<string, string> = {
  m: 'http://schemas.microsoft.com/exchange/services/2006/messages',
  t: 'http://schemas.microsoft.com/exchange/services/2006/types',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

export interface SchemaFailure {
  operation: string;
  part: string;
  errors: string;
  xml: string;
}

/** Top-level child elements of the element named localName (any prefix), as raw XML strings. */
function childElements(envelope: string, localName: string): string[] {
  const open = new RegExp(`<([\\w-]+:)?${localName}\\b[^>]*?(/?)>`).exec(envelope);
  if (!open || open[2]) return [];
  const start = open.index + open[0].length;
  const close = envelope.indexOf(`</${open[1] ?? ''}${localName}>`, start);
  const inner = envelope.slice(start, close < 0 ? undefined : close);
  const out: string[] = [];
  let i = 0;
  while (i < inner.length) {
    const lt = inner.indexOf('<', i);
    if (lt < 0) break;
    const m = /^<([\w-]+:[\w-]+|[\w-]+)\b[^>]*?(\/?)>/.exec(inner.slice(lt));
    if (!m) break;
    if (m[2]) {
      out.push(inner.slice(lt, lt + m[0].length));
      i = lt + m[0].length;
      continue;
    }
    // Find the matching close tag, counting nested elements of the same name.
    const name = m[1];
    let depth = 0;
    const re = new RegExp(`<(/?)${name.replace(/[-:]/g, '\\$&')}\\b[^>]*?(/?)>`, 'g');
    re.lastIndex = lt;
    let end = inner.length;
    for (let t = re.exec(inner); t; t = re.exec(inner)) {
      if (t[2]) continue;
      depth += t[1] ? -1 : 1;
      if (depth === 0) {
        end = t.index + t[0].length;
        break;
      }
    }
    out.push(inner.slice(lt, end));
    i = end;
  }
  return out;
}

/** Adds the m:, t:, xsi: declarations the element uses but inherited from the envelope. */
function standalone(el: string): string {
  const tagEnd = el.indexOf('>');
  let head = el.slice(0, tagEnd);
  const selfClosing = head.endsWith('/');
  if (selfClosing) head = head.slice(0, -1);
  for (const [p, uri] of Object.entries(NS)) {
    if (!head.includes(`xmlns:${p}=`) && new RegExp(`[<\\s"]${p}:`).test(el)) head += ` xmlns:${p}="${uri}"`;
  }
  return `${head}${selfClosing ? '/' : ''}${el.slice(tagEnd)}`;
}

function runXmllint(files: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile('xmllint', ['--noout', '--schema', EWS_SCHEMA, ...files], { maxBuffer: 64 * 1024 * 1024 }, (err, _stdout, stderr) => {
      if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(new Error('xmllint is not installed: apt-get install -y libxml2-utils (CI installs it in .ci/run)'));
        return;
      }
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stderr });
    });
  });
}

export async function validateEwsRequests(requests: RecordedRequest[]): Promise<SchemaFailure[]> {
  if (!existsSync(EWS_SCHEMA))
    throw new Error(`EWS schema not found at ${EWS_SCHEMA} (the repository's copy of Microsoft's schema is missing)`);
  if (!requests.length) return [];
  const dir = await mkdtemp(path.join(os.tmpdir(), 'calpump-ews-schema-'));
  try {
    const parts: Array<{ file: string; operation: string; part: string; xml: string }> = [];
    requests.forEach((r, i) => {
      const body = childElements(r.body, 'Body');
      const header = childElements(r.body, 'Header');
      [...body.map((x) => ['body', x]), ...header.map((x, k) => [`header${k}`, x])].forEach(([part, xml]) => {
        parts.push({
          file: path.join(dir, `${String(i).padStart(5, '0')}-${r.operation}-${part}.xml`),
          operation: r.operation,
          part,
          xml: standalone(xml),
        });
      });
      if (!body.length)
        parts.push({ file: path.join(dir, `${i}-missing-body.xml`), operation: r.operation, part: 'body', xml: '<missing-soap-body/>' });
    });
    await Promise.all(parts.map((p) => writeFile(p.file, p.xml)));
    const failures: SchemaFailure[] = [];
    for (let i = 0; i < parts.length; i += 400) {
      const batch = parts.slice(i, i + 400);
      const { code, stderr } = await runXmllint(batch.map((p) => p.file));
      if (code === 0) continue;
      for (const p of batch) {
        if (!stderr.includes(`${p.file} fails to validate`)) continue;
        const errors = stderr
          .split('\n')
          .filter((l) => l.startsWith(p.file + ':'))
          .join('\n');
        failures.push({ operation: p.operation, part: p.part, errors: errors.replaceAll(dir + path.sep, ''), xml: p.xml });
      }
      if (!failures.length && code !== 0) throw new Error(`xmllint failed (exit ${code}): ${stderr.slice(0, 2000)}`);
    }
    return failures;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * For a suite whose connector talks to the simulator: returns a recorder to pass to the connector and
 * registers an afterAll asserting that every recorded request validated against the schema.
 */
export function recordEwsRequestsForSchema(): { requests: RecordedRequest[]; recorder: (r: RecordedRequest) => void } {
  const requests: RecordedRequest[] = [];
  afterAll(async () => {
    const failures = await validateEwsRequests(requests);
    expect(requests.length, 'no EWS request was recorded').toBeGreaterThan(0);
    expect(failures.map((f) => `${f.operation} ${f.part}: ${f.errors}`)).toEqual([]);
  }, 60_000);
  return { requests, recorder: (r) => void requests.push(r) };
}
