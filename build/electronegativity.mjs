#!/usr/bin/env node
// Runs Doyensec's electronegativity over the Electron host (src/main and src/preload) and compares what it finds
// with the reviewed list next to this file: a finding that is not on the list fails, and so does a list entry
// that no longer matches anything (the list never keeps stale excuses). Matching is by file and check, not by
// line, so moving code around does not need a new review; a second finding of a reviewed check in the same file
// needs its own entry (`count`).
//
// Offline and quiet: the package's CLI fetches translations and Electron's release list from the internet on
// every run; here its English texts are loaded from the package itself and the release check (which only
// applies to package.json, not scanned here) is excluded. `node build/electronegativity.mjs` prints a report and
// exits 1 on a difference; test/build/electronegativity.test.ts runs the same check inside `npm test`.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SCANNED = ['src/main', 'src/preload'];
export const REVIEWED_FILE = join(ROOT, 'build', 'electronegativity-reviewed.json');
/** Needs the network (Electron's release list) and applies to package.json only. */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const require = createRequire(import.meta.url);

function loadRunner() {
  const dist = dirname(require.resolve('@doyensec/electronegativity'));
  const i18nModule = require.resolve(join(dist, 'locales', 'i18n.js'));
  const i18n = require(require.resolve('i18n', { paths: [dist] }));
  const offline = async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: join(dist, 'locales'),
      updateFiles: false,
      objectNotation: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
  };
  offline.default = offline;
  require.cache[i18nModule] = { id: i18nModule, filename: i18nModule, loaded: true, exports: offline };
  return require(join(dist, 'runner.js'));
}

/** Every finding as { file, check, line, severity, confidence, sample }, file relative to the repository. */
export async function scan(root = ROOT) {
  const run = loadRunner();
  const work = mkdtempSync(join(tmpdir(), 'calpump-electronegativity-'));
  try {
    // One input folder holding both, so the global checks (navigation limits, permission handler, CSP) see the
    // whole host at once.
    for (const dir of SCANNED) cpSync(join(root, dir), join(work, dir), { recursive: true });
    const electron = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
    const result = await run({
      input: work,
      isRelative: true,
      electronVersionOverride: electron,
      excludeFromScan: EXCLUDED_CHECKS,
    });
    if (result.errors.some((e) => !e.tolerable)) {
      throw new Error(`electronegativity could not parse: ${result.errors.map((e) => `${e.file}: ${e.message}`).join('; ')}`);
    }
    return result.issues
      .map((i) => ({
        file: i.file === 'N/A' ? 'N/A' : i.file.split('\\').join('/'),
        check: i.id,
        line: i.location.line,
        severity: i.severity.name,
        confidence: i.confidence.name,
        sample: (i.sample ?? '').trim().slice(0, 160),
      }))
      .sort((a, b) => a.file.localeCompare(b.file) || a.check.localeCompare(b.check) || a.line - b.line);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Findings the list does not cover, and list entries nothing matches any more. */
export function compare(findings, reviewed) {
  const key = (f) => `${f.file}\t${f.check}`;
  const counts = new Map();
  for (const f of findings) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1);
  const allowed = new Map(reviewed.map((r) => [key(r), r.count ?? 1]));
  const unreviewed = findings.filter((f) => (counts.get(key(f)) ?? 0) > (allowed.get(key(f)) ?? 0));
  const stale = reviewed.filter((r) => (counts.get(key(r)) ?? 0) < (r.count ?? 1));
  return { unreviewed, stale };
}

export function loadReviewed(file = REVIEWED_FILE) {
  return JSON.parse(readFileSync(file, 'utf8')).findings;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const findings = await scan();
  const { unreviewed, stale } = compare(findings, loadReviewed());
  for (const f of findings) console.log(`${f.severity.padEnd(13)} ${f.check.padEnd(40)} ${f.file}:${f.line}`);
  for (const f of unreviewed)
    console.error(`NOT REVIEWED: ${f.check} in ${f.file}:${f.line} — fix it, or add it with a reason to ${REVIEWED_FILE}`);
  for (const r of stale) console.error(`STALE: ${r.check} in ${r.file} is on the reviewed list but no longer found — remove it`);
  process.exitCode = unreviewed.length || stale.length ? 1 : 0;
}
